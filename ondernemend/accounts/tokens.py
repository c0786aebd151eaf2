"""Invitation tokens: a random secret for the link, and the hash we store instead of the secret."""

import hashlib
import secrets


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
