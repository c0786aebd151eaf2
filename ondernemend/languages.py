"""The languages the platform names: spoken at a place on the map, a workshop's language, a participant's."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    """As ISO 639 codes: the languages most spoken in Amsterdam's neighbourhoods."""

    NL = "nl", _("Dutch")
    EN = "en", _("English")
    AR = "ar", _("Arabic")
    TR = "tr", _("Turkish")
    BER = "ber", _("Tamazight (Berber)")
    PAP = "pap", _("Papiamento")
    SRN = "srn", _("Sranan Tongo")
    ES = "es", _("Spanish")
    PT = "pt", _("Portuguese")
    FR = "fr", _("French")
    PL = "pl", _("Polish")
    UK = "uk", _("Ukrainian")
    RU = "ru", _("Russian")
    TI = "ti", _("Tigrinya")
    SO = "so", _("Somali")
    FA = "fa", _("Persian (Farsi, Dari)")
    ZH = "zh", _("Chinese")
    HI = "hi", _("Hindi")
