#!/usr/bin/env python3
"""Build the project's compact country table, core/data/countries.tsv, from the source extracts
in ../shared/data/country (see that folder's README for sources and licences).

Run from the repository root:  python3 scripts/build-country-data.py ../shared/data/country
The output is committed, so a fresh clone builds without the source folder. What each column
means is in core/data/README.md; how the method uses them is in docs/METHODOLOGY.md, 4.2.
"""
import csv
import math
import sys
from pathlib import Path

source = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/country")
target = Path("core/data/countries.tsv")

# WGI uses some codes of its own; map them to ISO 3166-1 alpha-3 (Kosovo has no ISO code; XKX is
# the code the European Commission and V-Dem use, XK its alpha-2 counterpart). ANT (Netherlands
# Antilles, dissolved 2010) has no values and no current ISO code, so it is left out.
WGI_TO_ISO3 = {"ADO": "AND", "ROM": "ROU", "TMP": "TLS", "WBG": "PSE", "ZAR": "COD", "KSV": "XKX"}
# V-Dem splits some ISO countries into units. ISO PS (State of Palestine) is V-Dem's West Bank
# (PSE) plus Gaza (PSG): each indicator takes the worse of the two, as the destination may be
# either. Somaliland (SML) and Zanzibar (ZZB) are parts of Somalia and Tanzania, which V-Dem
# codes as units of their own (SOM, TZA); they are not used.
VDEM_PARTS = {"PSE": ["PSE", "PSG"]}
VDEM_NOT_USED = {"SML", "ZZB"}


def number(cell):
    """The cell as a float, None when empty or marked missing."""
    cell = cell.strip()
    return None if cell in ("", "..", "NA") else float(cell)


def normal_cdf(x):
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


countries = {}
for row in csv.DictReader(open(source / "country-codes.csv", encoding="utf-8")):
    alpha2, alpha3 = row["ISO3166-1-Alpha-2"].strip(), row["ISO3166-1-Alpha-3"].strip()
    if len(alpha2) != 2 or len(alpha3) != 3:
        continue
    name = row["CLDR display name"].strip() or row["official_name_en"].strip()
    countries[alpha3] = {"alpha2": alpha2, "alpha3": alpha3, "name": name}
countries["XKX"] = {"alpha2": "XK", "alpha3": "XKX", "name": "Kosovo"}
# Names in other languages live in the language catalogues (core/i18n/*.ftl, keys country-XX):
# the French and Spanish ones are the UN's short names, the dataset's official_name_fr and
# official_name_es, with "États-Unis" / "Estados Unidos" and "Royaume-Uni" / "Reino Unido".
# CLDR's display names are short forms; spell out the few that readers would not search for.
for alpha3, name in {"USA": "United States", "GBR": "United Kingdom",
                     "COD": "Congo (Democratic Republic)", "COG": "Congo (Republic)"}.items():
    countries[alpha3]["name"] = name

# World Bank WGI: percentile ranks (0..100) and the bounds of their 90% confidence intervals.
wgi_year = None
wgi_half_widths = {}
for row in csv.DictReader(open(source / "wgi2024_latest_2023.csv", encoding="utf-8")):
    code = WGI_TO_ISO3.get(row["wb_code"], row["wb_code"])
    rank = number(row["pctrank"])
    if row["indicator"] not in ("rl", "va", "pv") or rank is None:
        continue
    if code not in countries:
        raise SystemExit(f"WGI code {row['wb_code']} has values but no ISO country")
    countries[code]["wgi_" + row["indicator"]] = f"{rank:.1f}"
    lower, upper = number(row["pctranklower"]), number(row["pctrankupper"])
    if lower is None or upper is None or not lower <= rank <= upper:
        raise SystemExit(f"WGI {row['wb_code']} {row['indicator']}: bad confidence interval")
    wgi_half_widths.setdefault(code, []).append((upper - lower) / 2)
    wgi_year = row["year"]
# The margin: mean half-width of the 90% intervals of the country's WGI ranks (rl, va, pv), in
# percentile points (METHODOLOGY.md 4.2). Rounded up to a tenth, so that it never understates.
for code, widths in wgi_half_widths.items():
    countries[code]["wgi_margin"] = f"{math.ceil(sum(widths) / len(widths) * 10 - 1e-9) / 10:.1f}"

# V-Dem v14, 2023: the wide extract covers all 179 units; the demspaces extract (169 units)
# publishes v2x_horacc_osp, the 0..1 version of horizontal accountability.
vdem_year = None
rights = {row["country_text_id"]: row
          for row in csv.DictReader(open(source / "vdem_v14_2023_rights.csv", encoding="utf-8"))}
demspaces = {row["country_text_id"]: row
             for row in csv.DictReader(open(source / "vdem_v14_2023_demspaces.csv", encoding="utf-8"))}
for code, row in demspaces.items():
    # The two extracts agree where they overlap (checked here on every build).
    for column in ("v2xcs_ccsi", "v2xcl_rol", "v2x_freexp_altinf"):
        if number(row[column]) != number(rights[code][column]):
            raise SystemExit(f"V-Dem extracts disagree on {code} {column}")
    # v2x_horacc_osp is the standard normal CDF of v2x_horacc (to the third decimal): this is what
    # lets the units missing from demspaces get the same 0..1 scale.
    published, interval = number(row["v2x_horacc_osp"]), number(rights[code]["v2x_horacc"])
    if abs(normal_cdf(interval) - published) > 0.0015:
        raise SystemExit(f"{code}: v2x_horacc_osp is not the normal CDF of v2x_horacc")

vdem = {}
for code, row in rights.items():
    if code in VDEM_NOT_USED:
        continue
    osp = number(demspaces[code]["v2x_horacc_osp"]) if code in demspaces else None
    horacc = number(row["v2x_horacc"])
    vdem[code] = {
        "vdem_civil_society": number(row["v2xcs_ccsi"]),
        "vdem_judicial_constraints": osp if osp is not None else
        (None if horacc is None else round(normal_cdf(horacc), 3)),
        "vdem_physical_violence": number(row["v2x_clphy"]),
    }
    vdem_year = row["year"]
for code, parts in VDEM_PARTS.items():
    vdem[code] = {key: min(vdem[p][key] for p in parts) for key in vdem[parts[0]]}
for code in [c for c in vdem if c not in countries]:
    if not any(code in parts for parts in VDEM_PARTS.values()):
        raise SystemExit(f"V-Dem unit {code} is not an ISO country and not mapped")
    del vdem[code]
for code, values in vdem.items():
    for key, value in values.items():
        if value is not None:
            countries[code][key] = f"{value:.3f}"

# Indicators that bear on particular products (METHODOLOGY.md 4.4): V-Dem's latent indicators of
# freedom from torture, from political killings, from repression of civil society, and of the
# government's Internet censorship effort (higher is freer). Their scale has no fixed meaning, so
# the table keeps each country's percentile rank among all 179 V-Dem units instead: the share of
# units, in whole percent, with a strictly lower (worse) value. Palestine takes the worse of its two
# units, as above.
SPECIFIC = {"vdem_torture_rank": "v2cltort", "vdem_killings_rank": "v2clkill",
            "vdem_cso_repression_rank": "v2csreprss", "vdem_internet_censorship_rank": "v2mecenefi"}
for column, indicator in SPECIFIC.items():
    values = {code: number(row[indicator]) for code, row in rights.items()}
    known = [v for v in values.values() if v is not None]
    def rank(value):
        return int(100 * sum(1 for v in known if v < value) / len(known))
    for code, parts in VDEM_PARTS.items():
        values[code] = min(values[p] for p in parts)
    for code, value in values.items():
        if value is not None and code in countries:
            countries[code][column] = str(rank(value))

# V-Dem ERT v15, 2024: Regimes of the World (Palestine: the lower of West Bank and Gaza).
regime_year = None
regimes = {}
for row in csv.DictReader(open(source / "vdem_ert_v15_2024_regime.csv", encoding="utf-8")):
    if number(row["v2x_regime"]) is not None:
        regimes[row["country_text_id"]] = int(number(row["v2x_regime"]))
        regime_year = row["year"]
for code, parts in VDEM_PARTS.items():
    regimes[code] = min(regimes[p] for p in parts)
for code, regime in regimes.items():
    if code in countries:
        countries[code]["vdem_regime"] = str(regime)

columns = ["alpha2", "alpha3", "name", "wgi_rl", "wgi_va", "wgi_pv", "wgi_margin",
           "vdem_civil_society", "vdem_judicial_constraints", "vdem_physical_violence", "vdem_regime",
           *SPECIFIC]
with open(target, "w", encoding="utf-8", newline="\n") as out:
    out.write("# Country context indicators. Generated by scripts/build-country-data.py; do not edit by hand.\n")
    out.write(f"# World Bank Worldwide Governance Indicators, 2024 update, year {wgi_year} (percentile ranks and "
              "their 90% confidence intervals), www.govindicators.org, CC BY 4.0.\n")
    out.write(f"# V-Dem Institute, Varieties of Democracy dataset v14 (Coppedge et al. 2024, "
              f"doi:10.23696/vdemds24), year {vdem_year}, and ERT v15, year {regime_year}, CC BY-SA 4.0: "
              "this derived table is under the same licence.\n")
    out.write("# ISO 3166-1 codes and names: ODC Public Domain Dedication and License. See core/data/README.md.\n")
    out.write("\t".join(columns) + "\n")
    for code in sorted(countries, key=lambda c: countries[c]["alpha2"]):
        c = countries[code]
        out.write("\t".join(c.get(col, "") for col in columns) + "\n")

with_wgi = sum(1 for c in countries.values() if "wgi_rl" in c or "wgi_va" in c or "wgi_pv" in c)
with_vdem = sum(1 for c in countries.values() if "vdem_physical_violence" in c)
print(f"wrote {target}: {len(countries)} countries, {with_wgi} with WGI {wgi_year}, "
      f"{with_vdem} with V-Dem {vdem_year}, regimes {regime_year}")
