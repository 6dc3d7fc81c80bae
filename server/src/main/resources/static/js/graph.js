// The link chart of an entity page: loads the neighbourhood from the session route, draws it with
// Cytoscape, and exports it as PNG (banner drawn above and below the chart, and in the file name)
// or as JSON (every element with its marking, and the chart's banner). No inline script: CSP is 'self'.
(function () {
  'use strict';
  var section = document.getElementById('graph-section');
  if (!section || typeof cytoscape !== 'function') {
    return;
  }
  var container = document.getElementById('graph-chart');
  var status = document.getElementById('graph-status');
  var hops = document.getElementById('graph-hops');
  var pngButton = document.getElementById('graph-export-png');
  var jsonButton = document.getElementById('graph-export-json');
  var entityId = section.dataset.entityId;
  var chart = null;
  var cy = null;
  container.style.height = '32rem';
  container.style.border = '1px solid #999';

  var colours = {PERSON: '#1f5fa8', GROUP: '#7a3e9d', LOCATION: '#2e7d32', PHONE: '#b35c00', EMAIL: '#8d6e00',
    ONLINE_ACCOUNT: '#00796b', VEHICLE: '#5d4037', IDENTITY_DOCUMENT: '#455a64', FINANCIAL_ACCOUNT: '#ad1457',
    INCIDENT: '#c62828', URL: '#3949ab'};

  function format(template, args) {
    return template.replace(/\{(\d+)\}/g, function (all, i) { return String(args[Number(i)]); });
  }

  function setBanner(text) {
    document.querySelectorAll('.graph-banner').forEach(function (b) { b.textContent = text; });
  }

  function load() {
    status.textContent = section.dataset.msgLoading;
    pngButton.disabled = true;
    jsonButton.disabled = true;
    var url = section.dataset.chartUrl + '?hops=' + encodeURIComponent(hops.value);
    fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) {
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      })
      .then(draw)
      .catch(function () { status.textContent = section.dataset.msgFailed; });
  }

  function draw(data) {
    chart = data;
    chart.hops = Number(hops.value);
    setBanner(data.banner);
    var elements = data.nodes.map(function (n) {
      return {group: 'nodes', data: {id: n.id, label: n.label, type: n.type, start: n.id === entityId ? 1 : 0,
        colour: colours[n.type] || '#555'}};
    }).concat(data.edges.map(function (e) {
      return {group: 'edges', data: {id: e.id, source: e.from, target: e.to, label: e.type.toLowerCase().replace(/_/g, ' ')}};
    }));
    if (cy) { cy.destroy(); }
    cy = cytoscape({
      container: container,
      elements: elements,
      wheelSensitivity: 0.3,
      maxZoom: 2.5, // a chart of one or two nodes stays readable instead of filling the frame
      style: [
        {selector: 'node', style: {'label': 'data(label)', 'background-color': 'data(colour)', 'font-size': 11,
          'text-wrap': 'ellipsis', 'text-max-width': 140, 'text-valign': 'bottom', 'text-margin-y': 4}},
        {selector: 'node[start = 1]', style: {'border-width': 4, 'border-color': '#000', 'width': 40, 'height': 40}},
        {selector: 'edge', style: {'label': 'data(label)', 'font-size': 9, 'width': 2, 'line-color': '#888',
          'target-arrow-shape': 'triangle', 'target-arrow-color': '#888', 'curve-style': 'bezier'}}
      ],
      layout: {name: data.nodes.length > 1 ? 'cose' : 'grid', animate: false}
    });
    cy.on('tap', 'node', function (evt) {
      var id = evt.target.id();
      if (id !== entityId) { window.location.assign(section.dataset.chartUrl.replace(/[^/]+\/graph\.json$/, id + '/graph')); }
    });
    var counts = format(section.dataset.msgCounts, [data.nodes.length, data.edges.length]);
    status.textContent = data.truncated ? counts + ' — ' + section.dataset.msgTruncated : counts;
    pngButton.disabled = false;
    jsonButton.disabled = false;
  }

  function fileName(extension) {
    var banner = chart.banner.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return 'graph-' + entityId + '-' + banner + '.' + extension;
  }

  function download(blob, name) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  // The chart image is framed by the banner, top and bottom, so a printed or forwarded PNG keeps it.
  function exportPng() {
    var blob = cy.png({output: 'blob', full: true, bg: '#ffffff', scale: 2});
    createImageBitmap(blob).then(function (image) {
      var strip = 48;
      var canvas = document.createElement('canvas');
      canvas.width = Math.max(image.width, 600);
      canvas.height = image.height + 2 * strip;
      var g = canvas.getContext('2d');
      g.fillStyle = '#ffffff';
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.drawImage(image, (canvas.width - image.width) / 2, strip);
      g.fillStyle = '#000000';
      g.font = 'bold 24px sans-serif';
      g.textAlign = 'center';
      g.textBaseline = 'middle';
      g.fillText(chart.banner, canvas.width / 2, strip / 2);
      g.fillText(chart.banner, canvas.width / 2, canvas.height - strip / 2);
      canvas.toBlob(function (png) { download(png, fileName('png')); }, 'image/png');
    });
  }

  function exportJson() {
    var body = {banner: chart.banner, entityId: entityId, hops: chart.hops, truncated: chart.truncated,
      exportedAt: new Date().toISOString(), nodes: chart.nodes, edges: chart.edges};
    download(new Blob([JSON.stringify(body, null, 2)], {type: 'application/json'}), fileName('json'));
  }

  hops.addEventListener('change', load);
  pngButton.addEventListener('click', exportPng);
  jsonButton.addEventListener('click', exportJson);
  load();
}());
