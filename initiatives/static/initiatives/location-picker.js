/*
 * The location picker on the edit pages: a Leaflet map beside the plain latitude/longitude inputs.
 * Clicking the map or dragging the pin fills the inputs; typing in them moves the pin. Without JavaScript
 * (or without Leaflet) the map stays hidden and the inputs work on their own.
 */
(function () {
  "use strict";

  function parseNumber(value) {
    var number = parseFloat(String(value).replace(",", "."));
    return Number.isFinite(number) ? number : null;
  }

  function start(picker) {
    var latitudeInput = document.getElementById(picker.dataset.latitudeInput);
    var longitudeInput = document.getElementById(picker.dataset.longitudeInput);
    var element = picker.querySelector("[data-location-map]");
    if (!latitudeInput || !longitudeInput || !element || typeof window.L === "undefined") {
      return;
    }
    var L = window.L;
    L.Icon.Default.imagePath = picker.dataset.iconPath;
    picker.hidden = false;

    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(picker.dataset.tileUrl, { attribution: picker.dataset.attribution, maxZoom: 19 }).addTo(map);
    var marker = null;

    function typedPoint() {
      var latitude = parseNumber(latitudeInput.value);
      var longitude = parseNumber(longitudeInput.value);
      return latitude === null || longitude === null ? null : L.latLng(latitude, longitude);
    }

    function fillInputs(point) {
      latitudeInput.value = point.lat.toFixed(6);
      longitudeInput.value = point.lng.toFixed(6);
    }

    function placeMarker(point) {
      if (marker === null) {
        marker = L.marker(point, {
          draggable: true,
          title: picker.dataset.markerLabel,
          alt: picker.dataset.markerLabel,
        }).addTo(map);
        marker.on("dragend", function () {
          fillInputs(marker.getLatLng());
        });
      } else {
        marker.setLatLng(point);
      }
    }

    var initial = typedPoint();
    if (initial) {
      map.setView(initial, 16);
      placeMarker(initial);
    } else {
      map.setView([parseNumber(picker.dataset.centreLatitude), parseNumber(picker.dataset.centreLongitude)], 12);
    }

    map.on("click", function (event) {
      placeMarker(event.latlng);
      fillInputs(event.latlng);
    });

    [latitudeInput, longitudeInput].forEach(function (input) {
      input.addEventListener("input", function () {
        var point = typedPoint();
        if (point) {
          placeMarker(point);
          map.panTo(point);
        }
      });
    });
  }

  document.querySelectorAll("[data-location-picker]").forEach(start);
})();
