"""The fixed vocabularies of the map (DESIGN.md §3.1). Codes are stable: they appear in URLs and CSV files."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InitiativeKind(models.TextChoices):
    BEWONERSINITIATIEF = "bewonersinitiatief", _("Residents' initiative")
    SOCIALE_ONDERNEMING = "sociale-onderneming", _("Social enterprise")
    BUURTCENTRUM = "buurtcentrum", _("Community centre or welfare location")
    BOOT = "boot", _("BOOT neighbourhood shop")
    BIBLIOTHEEK = "bibliotheek", _("Library")
    OVERIG = "overig", _("Other")


class Offer(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    BEGELEIDING = "begeleiding", _("Personal guidance")
    WERKPLEK = "werkplek", _("Workplace")
    NETWERK = "netwerk", _("Network and peer support")
    GELD = "geld", _("Money: microcredit or broodfonds")
    TAALHULP = "taalhulp", _("Language help")
    ADMINISTRATIE = "administratie", _("Help with paperwork or legal advice")
    VERKOOPRUIMTE = "verkoopruimte", _("Space to sell or test")


class Audience(models.TextChoices):
    IEDEREEN = "iedereen", _("Everyone")
    BIJSTAND = "bijstand", _("People on social assistance (bijstand)")
    UWV = "uwv", _("People with a UWV benefit")
    GEEN_UITKERING = "geen-uitkering", _("People without a benefit")


class TrustSignal(models.TextChoices):
    """Plain statements a visitor can rely on; shown as sentences on the detail page."""

    GRATIS = "gratis", _("Free of charge")
    GEEN_PAPIEREN = "geen-papieren", _("No documents needed")
    BINNENLOPEN = "binnenlopen", _("Walk in without an appointment")
    ONAFHANKELIJK = "onafhankelijk", _("Independent of the municipality")
    BEWONERS = "bewoners", _("Run by residents")
    ROLSTOEL = "rolstoel", _("Wheelchair accessible")
