/*
 * The budget on the proposal page: "Add a line" adds an empty row at once, and the total against the maximum
 * is shown while typing. Without JavaScript the page works as well: empty rows come with every save, and the
 * server shows (and on submitting checks) the total.
 */
(function () {
  "use strict";

  // 99,50 and 99.50 are both 99.5; with both separators the last one is the decimal one (1.200,50 / 1,200.50).
  function parseAmount(text) {
    var value = String(text).replace(/[€\s]/g, "");
    var comma = value.lastIndexOf(",");
    var dot = value.lastIndexOf(".");
    if (comma > dot) {
      value = value.replace(/\./g, "").replace(",", ".");
    } else {
      value = value.replace(/,/g, "");
    }
    var number = Number(value);
    return value === "" || !Number.isFinite(number) || number < 0 ? 0 : number;
  }

  function start(editor) {
    var rows = editor.querySelector("[data-budget-rows]");
    var template = editor.querySelector("template[data-budget-template]");
    var totalForms = editor.querySelector("input[name$='-TOTAL_FORMS']");
    var maxForms = editor.querySelector("input[name$='-MAX_NUM_FORMS']");
    var output = editor.querySelector("[data-budget-total]");
    var addButton = editor.querySelector("[data-budget-add]");
    if (!rows || !template || !totalForms || !output || !addButton) {
      return;
    }
    var maximum = Number(output.dataset.maximum);
    var money = new Intl.NumberFormat(document.documentElement.lang || undefined, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });

    function update() {
      var cents = 0;
      rows.querySelectorAll("[data-budget-row]").forEach(function (row) {
        var remove = row.querySelector("input[name$='-DELETE']");
        var amount = row.querySelector("[data-budget-amount]");
        if (amount && !(remove && remove.checked)) {
          cents += Math.round(parseAmount(amount.value) * 100);
        }
      });
      var total = cents / 100;
      var over = total > maximum;
      var text = over ? output.dataset.textOver : output.dataset.textWithin;
      output.textContent = text
        .replace("{total}", money.format(total))
        .replace("{maximum}", money.format(maximum))
        .replace("{over}", money.format(total - maximum));
      output.classList.toggle("op-budget-total--over", over);
    }

    addButton.addEventListener("click", function () {
      var index = Number(totalForms.value);
      if (maxForms && index >= Number(maxForms.value)) {
        return;
      }
      rows.insertAdjacentHTML("beforeend", template.innerHTML.replace(/__prefix__/g, String(index)));
      totalForms.value = String(index + 1);
      var first = rows.lastElementChild.querySelector("input[type='text']");
      if (first) {
        first.focus();
      }
    });
    editor.addEventListener("input", update);
    editor.addEventListener("change", update);
    addButton.hidden = false;
    update();
  }

  document.querySelectorAll("[data-budget-editor]").forEach(start);
})();
