from django.contrib import admin

from .models import ContactPoint, Initiative, OutdatedReport, Partnership


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "district", "published", "verified_at")
    list_filter = ("published", "kind", "district")
    search_fields = ("name", "postcode", "street")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("offers", "audiences", "languages", "trust_signals", "editors")


@admin.register(ContactPoint)
class ContactPointAdmin(admin.ModelAdmin):
    list_display = ("name", "district", "published", "verified_at")
    list_filter = ("published", "district")
    search_fields = ("name", "postcode", "street")
    prepopulated_fields = {"slug": ("name",)}


admin.site.register(Partnership)
admin.site.register(OutdatedReport)
