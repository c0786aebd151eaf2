from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from .models import User
from .roles import Role


class LoginForm(auth_forms.AuthenticationForm):
    # max_length given here, so that the field checks it: AuthenticationForm only sets it on the widget, and a
    # longer address would reach django-axes, whose column holds 255 characters (a 500 before).
    username = auth_forms.UsernameField(
        label=_("E-mail address"),
        max_length=254,
        error_messages={
            "max_length": _("An e-mail address has at most 254 characters. Check what you typed.")
        },
        widget=forms.EmailInput(attrs={"autocomplete": "username"}),
    )
    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        # One message for both mistakes: the page must not reveal whether an e-mail address has an account.
        "invalid_login": _(
            "The e-mail address or password is not correct. Check both and try again. "
            "Forgot your password? Then choose “Forgot your password?” below."
        ),
        "inactive": _(
            "This account has been switched off. Ask the coordinator if you think this is a mistake."
        ),
    }


class PasswordResetForm(auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("The e-mail address you log in with."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class SetPasswordForm(auth_forms.SetPasswordForm):
    new_password1, new_password2 = auth_forms.SetPasswordMixin.create_password_fields(
        label1=_("New password"), label2=_("New password again")
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("The invitation link is sent to this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        widget=forms.RadioSelect,
        help_text=_("What this person will do on the platform."),
    )


class AcceptInvitationForm(auth_forms.SetPasswordMixin, forms.Form):
    """Name and password for the new account of an invitee."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("Other users of the platform see this name."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password1, password2 = auth_forms.SetPasswordMixin.create_password_fields(
        label1=_("Choose a password"), label2=_("Password again")
    )

    def __init__(self, *args, email, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)
        self.fields["password1"].help_text = password_validation.password_validators_help_text_html()
        self.fields["password2"].help_text = _("Type the same password again, to check it.")

    def clean(self):
        cleaned_data = super().clean()
        self.validate_passwords()
        # Check against a user that is not saved, so that a password close to the name or e-mail is refused.
        candidate = User(email=self.email, name=cleaned_data.get("name", ""))
        self.validate_password_for_user(candidate)
        return cleaned_data
