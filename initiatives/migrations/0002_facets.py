from django.db import migrations

from initiatives.enums import Audience, Offer, TrustSignal
from ondernemend.languages import Language

VOCABULARIES = {"offer": Offer, "audience": Audience, "language": Language, "trust": TrustSignal}


def create_facets(apps, schema_editor):
    Facet = apps.get_model("initiatives", "Facet")
    for kind, choices in VOCABULARIES.items():
        for position, code in enumerate(choices.values):
            Facet.objects.update_or_create(kind=kind, code=code, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0001_initial")]

    operations = [migrations.RunPython(create_facets, migrations.RunPython.noop)]
