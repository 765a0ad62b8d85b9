(function () {
  "use strict";
  var wall = document.getElementById("wall");
  var token = new URLSearchParams(window.location.search).get("token");
  // the events beside the page, wherever it is mounted: /events for /, /wall/events for /wall
  var base = window.location.pathname.replace(/\/+$/, "");
  var url = base + "/events" + (token ? "?token=" + encodeURIComponent(token) : "");
  function connect() {
    var source = new EventSource(url);
    source.onopen = function () { document.body.classList.remove("disconnected"); };
    source.addEventListener("wall", function (e) {
      document.body.classList.remove("disconnected");
      wall.innerHTML = e.data;
    });
    source.onerror = function () {
      document.body.classList.add("disconnected");
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        window.setTimeout(connect, 3000);
      }
    };
  }
  connect();
})();
