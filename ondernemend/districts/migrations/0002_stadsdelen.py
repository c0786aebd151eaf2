from django.db import migrations

STADSDELEN = [
    ("Centrum", "centrum"),
    ("Nieuw-West", "nieuw-west"),
    ("Noord", "noord"),
    ("Oost", "oost"),
    ("West", "west"),
    ("Weesp", "weesp"),
    ("Zuid", "zuid"),
    ("Zuidoost", "zuidoost"),
]


def create_stadsdelen(apps, schema_editor):
    District = apps.get_model("districts", "District")
    for name, slug in STADSDELEN:
        District.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("districts", "0001_initial")]

    operations = [migrations.RunPython(create_stadsdelen, migrations.RunPython.noop)]
