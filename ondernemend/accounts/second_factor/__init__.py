"""Two-factor log-in for staff: an authenticator app (TOTP), one-time recovery codes and passkeys.

Who needs it is in `policy.py`; the gate that keeps a staff session on the set-up and verify pages until the
second factor is passed is `middleware.py`. docs/security.md ("Tweestapsverificatie") explains the whole.
"""
