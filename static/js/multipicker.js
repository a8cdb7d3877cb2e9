/* Several values with one picker (accounts/picking.py MultiPickerWidget,
   templates/widgets/multipicker.html): choosing a result in the picker adds it to the list of
   chosen ones (a hidden input under the field's name and a remove button), then empties the
   picker for the next one. Keyboard: the picker's keys, then Tab to a remove button and
   Enter/Space. No inline script (strict CSP). */
(function () {
  "use strict";

  function format(text, name) {
    return text.replace("{name}", name);
  }

  function setup(root) {
    if (root.hasAttribute("data-multipicker-ready")) return;
    root.setAttribute("data-multipicker-ready", "");
    var name = root.getAttribute("data-name");
    var chosen = root.querySelector("[data-multipicker-chosen]");
    var status = root.querySelector("[data-multipicker-status]");
    var picker = root.querySelector("[data-picker]");
    var hidden = picker.querySelector("[data-picker-value]");
    var input = picker.querySelector("[data-picker-input]");

    function has(id) {
      return Array.prototype.some.call(
        chosen.querySelectorAll("input[type=hidden]"),
        function (i) { return i.value === id; }
      );
    }

    function add(id, label) {
      if (!id || has(id)) return;
      var li = document.createElement("li");
      li.className = "badge text-bg-light border d-inline-flex align-items-center gap-2 fw-normal fs-6";
      li.setAttribute("data-multipicker-item", "");
      var span = document.createElement("span");
      span.textContent = label;
      var value = document.createElement("input");
      value.type = "hidden";
      value.name = name;
      value.value = id;
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "btn-close";
      remove.setAttribute("aria-label", format(root.getAttribute("data-text-remove"), label));
      remove.setAttribute("data-multipicker-remove", "");
      li.appendChild(span);
      li.appendChild(value);
      li.appendChild(remove);
      chosen.appendChild(li);
      status.textContent = format(root.getAttribute("data-text-added"), label);
    }

    hidden.addEventListener("change", function () {
      var id = hidden.value;
      var label = input.value;
      add(id, label);
      hidden.value = "";
      input.value = "";
    });

    chosen.addEventListener("click", function (event) {
      var button = event.target.closest("[data-multipicker-remove]");
      if (!button) return;
      var item = button.closest("[data-multipicker-item]");
      var label = item.querySelector("span").textContent;
      item.remove();
      status.textContent = format(root.getAttribute("data-text-removed"), label);
      input.focus();
    });
  }

  function setupAll() {
    document.querySelectorAll("[data-multipicker]").forEach(setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setupAll);
  } else {
    setupAll();
  }
})();
