// The map on the map page (every place that matches the filters) and on a detail page (one place).
// A visual extra: the server-rendered list holds the same places and works without this file.
(function () {
  "use strict";

  var LAYERS = ["initiative", "contactpoint"];

  function cssColour(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  // Contact points are diamonds, drawn on the same canvas as the initiatives' circles. The diamond's corners
  // lie on the circle's radius, so Leaflet's redraw bounds and click area still fit.
  function diamondMarkerClass() {
    return L.CircleMarker.extend({
      _updatePath: function () {
        var renderer = this._renderer;
        if (!(renderer instanceof L.Canvas)) {
          L.CircleMarker.prototype._updatePath.call(this);
          return;
        }
        if (!renderer._drawing || this._empty()) {
          return;
        }
        var point = this._point;
        var radius = Math.max(Math.round(this._radius), 1);
        var context = renderer._ctx;
        context.beginPath();
        context.moveTo(point.x, point.y - radius);
        context.lineTo(point.x + radius, point.y);
        context.lineTo(point.x, point.y + radius);
        context.lineTo(point.x - radius, point.y);
        context.closePath();
        renderer._fillStroke(context, this);
      },
    });
  }

  function markerStyles() {
    var base = { weight: 2, color: "#ffffff", opacity: 1, fillOpacity: 1 };
    return {
      initiative: L.extend({}, base, { radius: 7, fillColor: cssColour("--op-map-initiative", "#005a87") }),
      contactpoint: L.extend({}, base, { radius: 9, fillColor: cssColour("--op-map-contactpoint", "#d65a00") }),
    };
  }

  function createMap(element, settings) {
    var map = L.map(element, {
      preferCanvas: true,
      center: settings.center,
      zoom: settings.zoom,
      minZoom: settings.minZoom,
      maxZoom: settings.maxZoom,
    });
    L.tileLayer(settings.tileUrl, { attribution: settings.attribution, maxZoom: settings.maxZoom }).addTo(map);
    return map;
  }

  function markerFor(layer, latLng, styles, Diamond, pk) {
    var options = L.extend({ layer: layer, pk: pk }, styles[layer]);
    return layer === "contactpoint" ? new Diamond(latLng, options) : L.circleMarker(latLng, options);
  }

  // One click handler per layer instead of a popup per marker: 10,000 markers stay light. The details are
  // fetched when a marker is clicked, as the same HTML fragment the list shows.
  function showDetails(map, marker, settings) {
    var popup = L.popup({ maxWidth: 320 }).setLatLng(marker.getLatLng()).setContent(settings.loadingText);
    popup.openOn(map);
    var url = settings.markerUrl.replace("/LAYER/0/", "/" + marker.options.layer + "/" + marker.options.pk + "/");
    fetch(url, { headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (html) {
        popup.setContent(html);
      })
      .catch(function () {
        popup.setContent(settings.errorText);
      });
  }

  function drawPlaces(element, settings) {
    var map = createMap(element, settings);
    var styles = markerStyles();
    var Diamond = diamondMarkerClass();
    var groups = {};
    LAYERS.forEach(function (layer) {
      groups[layer] = L.featureGroup().addTo(map);
      groups[layer].on("click", function (event) {
        showDetails(map, event.layer, settings);
      });
    });

    fetch(element.dataset.geojsonUrl, { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (collection) {
        var count = 0;
        var bounds = L.latLngBounds([]);
        collection.features.forEach(function (feature) {
          var layer = feature.properties.layer;
          var coordinates = feature.geometry.coordinates; // [longitude, latitude]
          var latLng = L.latLng(coordinates[1], coordinates[0]);
          var pk = String(feature.id).split("-").pop(); // "initiative-12"
          groups[layer].addLayer(markerFor(layer, latLng, styles, Diamond, pk));
          bounds.extend(latLng);
          count += 1;
        });
        if (count > 0) {
          map.fitBounds(bounds, { maxZoom: 15, padding: [24, 24], animate: false });
        }
        // The canvas redraws on the next animation frame: only then are the markers really on the map.
        L.Util.requestAnimFrame(function () {
          element.dataset.markerCount = String(count);
        });
      })
      .catch(function () {
        element.dataset.markerCount = "0";
        element.dataset.failed = "true";
      });
  }

  function drawOnePlace(element, settings) {
    var latLng = L.latLng(Number(element.dataset.latitude), Number(element.dataset.longitude));
    settings.center = latLng;
    settings.zoom = 16;
    var map = createMap(element, settings);
    var layer = element.dataset.layer;
    var marker = markerFor(layer, latLng, markerStyles(), diamondMarkerClass(), null);
    marker.options.interactive = false; // the page itself holds the details
    marker.addTo(map);
    element.dataset.markerCount = "1";
  }

  function startMap() {
    var element = document.getElementById("kaart");
    var settingsElement = document.getElementById("kaart-instellingen");
    if (!element || !settingsElement || typeof L === "undefined") {
      return;
    }
    var settings = JSON.parse(settingsElement.textContent);
    var panel = document.getElementById("kaart-paneel");
    if (panel) {
      panel.hidden = false; // Without JavaScript the empty map and its legend stay hidden.
    }
    if (element.dataset.geojsonUrl) {
      drawPlaces(element, settings);
    } else {
      drawOnePlace(element, settings);
    }
  }

  // "Near me": asks for the location only on a click, rounds it to 3 decimals (about 100 m) in the browser and
  // reloads the list sorted by distance. The server uses it for that one request and keeps nothing.
  function startNearMe() {
    var button = document.getElementById("dichtbij");
    var status = document.getElementById("dichtbij-melding");
    if (!button || !("geolocation" in navigator)) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          var params = new URLSearchParams(window.location.search);
          params.delete("page");
          params.set("lat", position.coords.latitude.toFixed(3));
          params.set("lon", position.coords.longitude.toFixed(3));
          window.location.assign(window.location.pathname + "?" + params.toString() + "#resultaten-titel");
        },
        function () {
          button.disabled = false;
          if (status) {
            status.textContent = button.dataset.errorText;
          }
        },
        { enableHighAccuracy: false, maximumAge: 600000, timeout: 15000 }
      );
    });
  }

  function start() {
    startMap();
    startNearMe();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
