// Colours: one hue per ACLED event family, a shade of it per sub-event type; one colour per side.

export const FAMILIES = {
  "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
  "Explosions/Remote violence": ["Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
    "Suicide bomb", "Chemical weapon", "Grenade"],
  "Violence against civilians": ["Attack", "Abduction/forced disappearance", "Sexual violence"],
  "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
  "Riots": ["Violent demonstration", "Mob violence"],
  "Strategic developments": ["Non-violent transfer of territory", "Agreement", "Arrests", "Change to group/activity",
    "Looting/property destruction", "Headquarters or base established", "Disrupted weapons use", "Other"],
};

export const FAMILY_COLOR = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2874a6",
  "Riots": "#6e2c00",
  "Strategic developments": "#138d75",
};

// Shades for the sub-event types of each family, darkest first.
const SHADES = {
  "Battles": ["#c0392b", "#1f4e9c", "#e74c8c"],
  "Explosions/Remote violence": ["#e67e22", "#b9770e", "#d4ac0d", "#7b241c", "#196f3d", "#a04000"],
  "Violence against civilians": ["#8e44ad", "#5b2c6f", "#c39bd3"],
  "Protests": ["#2874a6", "#5dade2", "#1b4f72"],
  "Riots": ["#6e2c00", "#a04000"],
  "Strategic developments": ["#138d75", "#45b39d", "#0e6655", "#73c6b6", "#7f8c8d", "#117864", "#48c9b0", "#95a5a6"],
};

export const TYPE_FAMILY = {};
export const TYPE_COLOR = {};
for (const [fam, types] of Object.entries(FAMILIES)) {
  types.forEach((tp, i) => {
    TYPE_FAMILY[tp] = fam;
    TYPE_COLOR[tp] = SHADES[fam][i % SHADES[fam].length];
  });
}

export function typeColor(type, family) {
  return TYPE_COLOR[type] || FAMILY_COLOR[family] || "#555";
}

export const SIDES = ["government", "isis", "opposition", "sdf", "coalition", "turkey", "civilians", "other", "unknown"];
export const KINDS = ["killed", "wounded", "killed_or_wounded", "captured", "arrested", "defected", "displaced",
  "evacuated", "present"];

export const SIDE_COLOR = {
  government: "#b03a2e", isis: "#17202a", opposition: "#1e8449", sdf: "#d4ac0d", coalition: "#2e86c1",
  turkey: "#e74c3c", civilians: "#7d3c98", other: "#7f8c8d", unknown: "#aab7b8", independent: "#5d6d7e",
};

export function sideColor(side) {
  return SIDE_COLOR[side] || SIDE_COLOR.unknown;
}

// A categorical palette for the timeline's source lines.
export const SERIES = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
  "#bcbd22", "#7f7f7f", "#393b79", "#637939"];

// Sized by fatalities: area grows with the count, within bounds.
export function radius(fatalities) {
  const f = Number(fatalities);
  if (!Number.isFinite(f) || f <= 0) return 5;
  return Math.min(26, 5 + 2.2 * Math.sqrt(f));
}
