from django.contrib import admin

from .models import District


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "has_boundary")
    readonly_fields = ("slug",)

    @admin.display(boolean=True, description="boundary")
    def has_boundary(self, district):
        return district.boundary is not None
