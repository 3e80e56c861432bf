// Draws the public page's map from the data block on the page (Leaflet, OpenStreetMap tiles). Text goes in
// through textContent only, never as HTML.
(function () {
  var data = document.getElementById('map-data');
  var box = document.getElementById('map');
  if (!data || !box || !window.L) return;
  var spaces = JSON.parse(data.textContent || '[]');
  L.Icon.Default.imagePath = '/static/leaflet/images/';
  // The words come from the page, in the alliance's language (the server escaped the attribution's text).
  var say = function (name, english) {
    return box.getAttribute('data-' + name) || english;
  };
  var map = L.map(box, { scrollWheelZoom: false, zoomControl: false });
  L.control.zoom({ zoomInTitle: say('zoom-in', 'Zoom in'), zoomOutTitle: say('zoom-out', 'Zoom out') }).addTo(map);
  L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 19,
    attribution: say('attribution', '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'),
  }).addTo(map);
  var bounds = [];
  spaces.forEach(function (s) {
    var card = document.createElement('div');
    var title = document.createElement('a');
    title.href = s.url;
    title.textContent = s.name;
    var where = document.createElement('p');
    where.textContent = s.where;
    card.appendChild(title);
    card.appendChild(where);
    L.marker([s.lat, s.lon], { title: s.name, alt: s.name }).addTo(map).bindPopup(card);
    bounds.push([s.lat, s.lon]);
  });
  if (bounds.length === 1) map.setView(bounds[0], 13);
  else if (bounds.length) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 });
  else map.setView([20, 0], 2);
})();
