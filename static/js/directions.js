// Offer only the directions of the chosen content type (R5.3): the lists come from the page.
(function () {
  var data = document.getElementById("directions");
  var kind = document.getElementById("id_kind");
  var direction = document.getElementById("id_direction");
  if (!data || !kind || !direction) return;
  var directions = JSON.parse(data.textContent);
  function refresh() {
    var current = direction.value;
    var options = directions[kind.value] || [];
    direction.innerHTML = "";
    options.forEach(function (pair) {
      var option = document.createElement("option");
      option.value = pair[0];
      option.textContent = pair[1];
      if (pair[0] === current) option.selected = true;
      direction.appendChild(option);
    });
  }
  kind.addEventListener("change", refresh);
  refresh();
})();
