// After django-otp-webauthn's script has registered a passkey, reload the page so the new passkey is listed.
document.addEventListener("otp_webauthn.register_complete", () => {
  window.location.reload();
});
