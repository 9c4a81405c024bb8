// Rebuild static/data/basemap.json, the plain base the map draws when no tiles are configured:
// country outlines of Syria, Iraq and their neighbours from Natural Earth 1:50m (public domain)
// as packaged in the npm package world-atlas@2.0.2 (TopoJSON), decoded with topojson-client@3.1.0.
//
//   mkdir /tmp/basemap && cd /tmp/basemap
//   npm pack world-atlas@2.0.2 topojson-client@3.1.0
//   for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
//   node build_basemap.mjs /tmp/basemap/world-atlas-2.0.2/package /tmp/basemap/topojson-client-3.1.0/package \
//        > ../static/data/basemap.json
//
// Arabic names are the rasad authors' (CC BY 4.0). Coordinates are rounded to 3 decimals (about 100 m).
import { createRequire } from "node:module";
import path from "node:path";

const [atlasDir, clientDir] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const topology = require(path.resolve(atlasDir, "countries-50m.json"));
const topojson = require(path.resolve(clientDir, "dist/topojson-client.js"));

// ISO 3166-1 numeric → Arabic name; the focus countries are drawn stronger.
const NAMES = {
  "760": ["سوريا", true], "368": ["العراق", true], "792": ["تركيا", false], "422": ["لبنان", false],
  "400": ["الأردن", false], "376": ["إسرائيل", false], "275": ["فلسطين", false], "682": ["السعودية", false],
  "364": ["إيران", false], "414": ["الكويت", false], "196": ["قبرص", false], "818": ["مصر", false],
  "051": ["أرمينيا", false], "031": ["أذربيجان", false], "268": ["جورجيا", false],
};
const round = (c) => (typeof c[0] === "number" ? [Math.round(c[0] * 1000) / 1000, Math.round(c[1] * 1000) / 1000]
  : c.map(round));
const features = topology.objects.countries.geometries
  .filter((g) => g.id in NAMES)
  .map((g) => {
    const f = topojson.feature(topology, g);
    f.geometry.coordinates = round(f.geometry.coordinates);
    return { type: "Feature", id: g.id,
      properties: { name_en: g.properties.name, name_ar: NAMES[g.id][0], focus: NAMES[g.id][1] },
      geometry: f.geometry };
  })
  .sort((a, b) => a.id.localeCompare(b.id));
process.stdout.write(JSON.stringify({ type: "FeatureCollection",
  source: "Natural Earth 1:50m admin-0 countries (public domain) via npm world-atlas@2.0.2",
  features }) + "\n");
