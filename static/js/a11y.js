// Keyboard and screen-reader help on every page (base.html; docs/accessibility.md). No inline
// script: the Content-Security-Policy allows only this origin's files (docs/security.md).
(function () {
  "use strict";

  // WCAG 2.4.3 / 3.3.1: after a form posts (a message) or fails (a field error), focus goes there,
  // not to <body>, so a screen reader announces it and the keyboard continues from it.
  function focusOutcome() {
    var invalid = document.querySelector("main .is-invalid, main [aria-invalid=true]");
    if (invalid && typeof invalid.focus === "function") {
      invalid.focus();
      return;
    }
    var error = document.querySelector("main form .alert-danger, main form .errorlist");
    var message = error || document.querySelector("main [data-role=messages] .alert");
    if (message) {
      if (!message.hasAttribute("tabindex")) message.setAttribute("tabindex", "-1");
      message.focus();
    }
  }

  // Every error text below a field is tied to it (aria-describedby) and the field is marked
  // invalid, whatever template or widget rendered it.
  function describeErrors() {
    var n = 0;
    document.querySelectorAll("main .invalid-feedback, main .errorlist").forEach(function (error) {
      var field = error.parentElement && error.parentElement.querySelector(".is-invalid, input, select, textarea");
      if (!field || field === error) return;
      if (!error.id) error.id = "field-error-" + (++n);
      var ids = (field.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
      if (ids.indexOf(error.id) < 0) ids.push(error.id);
      field.setAttribute("aria-describedby", ids.join(" "));
      field.setAttribute("aria-invalid", "true");
    });
  }

  // WCAG 2.1.1: a table that scrolls sideways can be scrolled with the keyboard: it becomes a
  // focusable region named by its caption, its data-region-label or the heading before it.
  function scrollableRegions() {
    document.querySelectorAll(".table-responsive").forEach(function (box) {
      if (box.scrollWidth <= box.clientWidth + 1 || box.hasAttribute("tabindex")) return;
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      if (box.hasAttribute("aria-label") || box.hasAttribute("aria-labelledby")) return;
      var caption = box.querySelector("caption");
      var label = box.dataset.regionLabel || (caption && caption.textContent);
      if (!label) {
        // The last heading before the table names it; the page's title when there is none.
        var heading = null;
        document.querySelectorAll("main h1, main h2, main h3, main h4, main h5").forEach(function (h) {
          if (h.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING) heading = h;
        });
        label = heading ? heading.textContent : document.title;
      }
      box.setAttribute("aria-label", label.replace(/\s+/g, " ").trim());
    });
  }

  // Icons are decoration: their text is next to them or in the control's name.
  function hideIcons() {
    document.querySelectorAll("i.bi:not([aria-hidden])").forEach(function (icon) {
      icon.setAttribute("aria-hidden", "true");
    });
  }

  // WCAG 2.4.11: a field reached by Tab is scrolled clear of a sticky bar at the bottom.
  function keepFocusClearOfStickyBars() {
    // Only for the keyboard: a page that moved between a pointer's press and release would turn
    // the click into nothing (the release lands on another element).
    var byKeyboard = false;
    document.addEventListener("keydown", function () { byKeyboard = true; }, true);
    document.addEventListener("pointerdown", function () { byKeyboard = false; }, true);
    document.addEventListener("focusin", function (event) {
      var bar = document.querySelector("[data-sticky-bar]");
      var target = event.target;
      if (!byKeyboard || !bar || bar.contains(target) || !target.getBoundingClientRect) return;
      // After the browser's own scroll to the focused field, which ignores the bar.
      requestAnimationFrame(function () {
        var shown = target.matches(".btn-check") ? target.nextElementSibling : target;
        var barTop = bar.getBoundingClientRect().top;
        var rect = shown.getBoundingClientRect();
        // "instant": Bootstrap's smooth scrolling would leave the field covered for a moment.
        if (rect.bottom > barTop - 8) {
          window.scrollBy({ top: rect.bottom - barTop + 16, behavior: "instant" });
        }
      });
    });
  }

  function start() {
    hideIcons();
    describeErrors();
    scrollableRegions();
    keepFocusClearOfStickyBars();
    focusOutcome();
    window.addEventListener("resize", scrollableRegions);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
