// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // After a form was sent back with errors, move the focus to the error summary so that screen reader
  // and keyboard users hear what went wrong first (the summary links to each field).
  function focusErrorSummary() {
    var summary = document.querySelector(".ams-invalid-form-alert");
    if (summary) {
      summary.focus();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusErrorSummary);
  } else {
    focusErrorSummary();
  }
})();
