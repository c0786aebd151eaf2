"""Sessions: staff sessions that end when idle or when the browser closes, and "log out everywhere"."""
