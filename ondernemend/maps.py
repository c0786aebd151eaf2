"""What every Leaflet map on the site starts from: the tile server and the view of Amsterdam.

Handed to the page's own script as JSON (json_script or a data attribute): no inline script under our CSP.
"""

from django.conf import settings


def base_map_settings() -> dict:
    leaflet = settings.LEAFLET_CONFIG
    return {
        "tileUrl": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "center": list(leaflet["DEFAULT_CENTER"]),
        "zoom": leaflet["DEFAULT_ZOOM"],
        "minZoom": leaflet["MIN_ZOOM"],
        "maxZoom": leaflet["MAX_ZOOM"],
    }
