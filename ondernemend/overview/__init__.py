"""The staff overview: what the city learns from the network, without seeing a single participant."""
