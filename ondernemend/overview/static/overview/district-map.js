// The overview's district map: each district shaded by its number of initiatives, as its boundary when the
// boundaries have been imported, else as a circle at a fixed point in the district. A visual extra: the table
// next to it holds the same figures and the page works without this file. The data comes from the map
// element's data-map attribute (no inline script under our CSP); the shades are CSS classes, not colours.
(function () {
  "use strict";

  function label(district) {
    // Leaflet puts a string tooltip in as HTML: hand it an element with plain text instead.
    var element = document.createElement("span");
    element.textContent = district.name + ": " + district.initiatives;
    return element;
  }

  function shapeFor(district) {
    var className = "op-overview-area op-overview-shade-" + district.shade;
    if (district.boundary) {
      return L.geoJSON(district.boundary, { style: { className: className, weight: 2 } });
    }
    if (district.centroid) {
      var latLng = L.latLng(district.centroid[0], district.centroid[1]);
      return L.circleMarker(latLng, { className: className, radius: 10 + 3 * district.shade, weight: 2 });
    }
    return null;
  }

  function draw(element, data) {
    var map = L.map(element, {
      center: data.center,
      zoom: data.zoom,
      minZoom: data.minZoom,
      maxZoom: data.maxZoom,
      scrollWheelZoom: false,
    });
    L.tileLayer(data.tileUrl, { attribution: data.attribution, maxZoom: data.maxZoom }).addTo(map);
    var bounds = L.latLngBounds([]);
    var count = 0;
    data.districts.forEach(function (district) {
      var shape = shapeFor(district);
      if (!shape) {
        return;
      }
      shape.bindTooltip(label(district)).addTo(map);
      bounds.extend(shape instanceof L.CircleMarker ? shape.getLatLng() : shape.getBounds());
      count += 1;
    });
    if (count > 0) {
      map.fitBounds(bounds, { maxZoom: 13, padding: [24, 24], animate: false });
    }
    element.dataset.districtCount = String(count);
  }

  function start() {
    var element = document.getElementById("stadsdelenkaart");
    if (!element || !element.dataset.map || typeof L === "undefined") {
      return;
    }
    var panel = document.getElementById("stadsdelenkaart-paneel");
    if (panel) {
      panel.hidden = false; // the map needs its size before Leaflet measures it
    }
    draw(element, JSON.parse(element.dataset.map));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
