/* Pickers (accounts/picking.py, templates/widgets/picker.html): a search-as-you-type field
   following the WAI-ARIA combobox pattern (list autocomplete). The text input is the combobox,
   the hidden input holds the chosen id. Keys: ArrowDown/ArrowUp move through the results, Enter
   chooses, Escape closes and restores the chosen value. No inline script (strict CSP). */
(function () {
  "use strict";

  function format(text, count) {
    // The template's translated text holds "{count}" where the number goes.
    return text.replace("{count}", String(count));
  }

  function setup(root) {
    if (root.hasAttribute("data-picker-ready")) return;
    root.setAttribute("data-picker-ready", "");
    var input = root.querySelector("[data-picker-input]");
    var hidden = root.querySelector("[data-picker-value]");
    var list = root.querySelector("[data-picker-listbox]");
    var status = root.querySelector("[data-picker-status]");
    var url = root.getAttribute("data-url");
    var emptyLabel = root.getAttribute("data-empty-label") || "";
    var quick = [];
    try {
      quick = JSON.parse(root.getAttribute("data-quick") || "[]");
    } catch (e) {
      quick = [];
    }
    var chosen = { id: hidden.value, label: input.value };
    var results = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    function optionId(i) {
      return input.id + "_option_" + i;
    }

    function close() {
      list.classList.remove("show");
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(i) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (o, j) {
        var on = j === i;
        o.classList.toggle("active", on);
        o.setAttribute("aria-selected", on ? "true" : "false");
      });
      active = i;
      if (i >= 0 && options[i]) {
        input.setAttribute("aria-activedescendant", options[i].id);
        options[i].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(items, more) {
      results = items;
      list.textContent = "";
      if (emptyLabel && !input.value.trim()) {
        results = [{ id: "", label: emptyLabel }].concat(items);
      }
      results.forEach(function (item, i) {
        var li = document.createElement("li");
        li.id = optionId(i);
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.className = "dropdown-item text-wrap";
        li.textContent = item.label;
        li.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the input
          choose(i);
        });
        list.appendChild(li);
      });
      if (!items.length) {
        status.textContent = root.getAttribute("data-text-none");
      } else if (more) {
        status.textContent = format(root.getAttribute("data-text-more"), items.length);
      } else {
        status.textContent = format(root.getAttribute("data-text-count"), items.length);
      }
      if (results.length) {
        list.classList.add("show");
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
      highlight(-1);
    }

    function ask() {
      var q = input.value.trim();
      if (!q && quick.length) {
        show(quick, false);
        return;
      }
      var ticket = ++asked;
      fetch(url + "&q=" + encodeURIComponent(q), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (data) {
          if (ticket === asked) show(data.results || [], !!data.more);
        })
        .catch(function () {
          if (ticket === asked) {
            close();
            status.textContent = root.getAttribute("data-text-error");
          }
        });
    }

    function choose(i) {
      var item = results[i];
      if (!item) return;
      chosen = { id: String(item.id), label: item.id === "" ? "" : item.label };
      hidden.value = chosen.id;
      input.value = chosen.label;
      close();
      hidden.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function restore() {
      input.value = chosen.label;
      hidden.value = chosen.id;
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 200);
    });
    input.addEventListener("focus", function () {
      if (!input.value.trim() && quick.length) show(quick, false);
    });
    input.addEventListener("keydown", function (event) {
      var open = list.classList.contains("show");
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) {
          ask();
          return;
        }
        highlight(Math.min(active + 1, results.length - 1));
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (open) highlight(Math.max(active - 1, 0));
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault();
          choose(active);
        }
      } else if (event.key === "Escape") {
        if (open) {
          event.preventDefault();
          close();
        }
        restore();
      }
    });
    input.addEventListener("blur", function () {
      close();
      if (!input.value.trim()) {
        // An emptied field means "none" (or "all" in a filter bar).
        chosen = { id: "", label: "" };
        hidden.value = "";
      } else {
        restore();
      }
    });
  }

  function setupAll() {
    document.querySelectorAll("[data-picker]").forEach(setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setupAll);
  } else {
    setupAll();
  }
})();
