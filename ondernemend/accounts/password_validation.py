"""Django's password validators with our own plain wording (and a Dutch text for every message).

Django's Dutch catalogue lacks the current "too short" message and speaks to people as "u"; the platform
says "je" everywhere.
"""

from django.contrib.auth import password_validation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    DEFAULT_USER_ATTRIBUTES = ("email", "name")

    def __init__(self, user_attributes=DEFAULT_USER_ATTRIBUTES, max_similarity=0.7):
        super().__init__(user_attributes=user_attributes, max_similarity=max_similarity)

    def get_error_message(self):
        return _("This password looks too much like your name or e-mail address.")

    def get_help_text(self):
        return _("Your password must not look like your name or e-mail address.")


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "This password is too short. Use at least %(min_length)d character.",
            "This password is too short. Use at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Use at least %(min_length)d character. A few words in a row are easy to remember.",
            "Use at least %(min_length)d characters. A few words in a row are easy to remember.",
            self.min_length,
        ) % {"min_length": self.min_length}


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def get_error_message(self):
        return _("Many people use this password. Choose one that is harder to guess.")

    def get_help_text(self):
        return _("Do not use a password that many people use.")


class NumericPasswordValidator(password_validation.NumericPasswordValidator):
    def get_error_message(self):
        return _("This password has only digits. Add letters too.")

    def get_help_text(self):
        return _("Do not use only digits.")
