"""A visitor that talks HTTP to a server the test started, keeping its cookies as a browser does.

For tests that need a real network path (a reverse proxy, a separate server process) rather than Django's
test client. Redirects are not followed: a test sees the status the server gave.
"""

import http.client
import re
from http.cookies import SimpleCookie
from urllib.parse import urlencode


class HttpVisitor:
    def __init__(
        self, server: tuple[str, int], *, source_address: str | None = None, headers=None, timeout=30
    ):
        self.server, self.source_address, self.timeout = server, source_address, timeout
        self.headers = dict(headers or {})  # sent with every request, e.g. X-Forwarded-For
        self.cookies = SimpleCookie()

    def request(self, method: str, path: str, data=None, headers=None) -> tuple[int, str]:
        source = (self.source_address, 0) if self.source_address else None
        connection = http.client.HTTPConnection(*self.server, timeout=self.timeout, source_address=source)
        headers = {**self.headers, **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={morsel.value}" for name, morsel in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read().decode()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(cookie)
        connection.close()
        return response.status, content

    def post_form(self, path: str, data: dict, headers=None) -> tuple[int, str]:
        """Opens the form page (for the CSRF cookie and token), then sends the form."""
        status, content = self.request("GET", path)
        assert status == 200, content
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1)
        return self.request("POST", path, {**data, "csrfmiddlewaretoken": token}, headers)
