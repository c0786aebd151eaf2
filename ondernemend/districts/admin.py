from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import District


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "has_boundary")
    readonly_fields = ("slug",)

    @admin.display(boolean=True, description=_("boundary"))
    def has_boundary(self, district):
        return district.boundary is not None
