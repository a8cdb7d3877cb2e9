/* The content calendar (templates/content/_calendar_body.html, docs/content.md "Calendar").
 *
 * htmx (static/vendor/htmx) swaps the calendar in place for navigation and moves; SortableJS
 * (static/vendor/sortable) lets an entry be dragged to another day. A drop only fills in the
 * entry's own "Move to date" form and submits it through htmx: the server checks the rules and
 * answers the calendar as it now is (or unchanged, with the refusal). Without JavaScript the
 * same forms post normally. */
(function () {
  "use strict";
  if (!window.htmx) return;
  // The Content-Security-Policy allows no inline style and no eval: keep htmx within it.
  htmx.config.includeIndicatorStyles = false;
  htmx.config.allowEval = false;
  htmx.config.allowScriptTags = false;
  htmx.config.historyCacheSize = 0;
  htmx.config.refreshOnHistoryMiss = true;

  function submitMove(entry, day) {
    var form = document.getElementById(entry.getAttribute("data-form"));
    if (!form) return;
    form.elements.day.value = day;
    htmx.trigger(form, "submit");
  }

  function setup(root) {
    if (!window.Sortable) return;
    var lists = root.querySelectorAll ? root.querySelectorAll(".calendar-drop") : [];
    lists.forEach(function (list) {
      if (list.getAttribute("data-sortable")) return;
      list.setAttribute("data-sortable", "1");
      Sortable.create(list, {
        group: "calendar",
        sort: false,
        draggable: "[data-movable]",
        filter: ".calendar-move",
        preventOnFilter: false,
        forceFallback: true,
        fallbackOnBody: true,
        ghostClass: "opacity-50",
        delay: 150,
        delayOnTouchOnly: true,
        onEnd: function (event) {
          if (event.to === event.from) return;
          submitMove(event.item, event.to.getAttribute("data-day"));
        },
      });
    });
  }

  htmx.onLoad(setup);
})();
