#!/usr/bin/env python3
"""Build the project's table of restrictive measures, core/data/restrictive_measures.tsv, from the
hand-compiled extract ../shared/data/country/arms_embargoes_un_eu_2026.csv plus the reading below.

Run from the repository root:  python3 scripts/build-restrictive-measures.py ../shared/data/country
The output is committed, so a fresh clone builds without the source folder. How each row was
verified, and what the table does not cover, is in core/data/README.md; how the method uses it is
in docs/METHODOLOGY.md ("Restrictive measures on the destination").

The extract's free-text columns say *whom* a measure covers in words. The method needs that as a
category, so this script holds the project's reading of each row (SCOPE below), checked by hand
against the extract's own `scope` text. A row the script has no reading for stops the build: a new
row is read by a person, never guessed.
"""
import csv
import re
import sys
from pathlib import Path

source = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/country")
target = Path("core/data/restrictive_measures.tsv")
evidence = Path("core/data/restrictive_measures_evidence.tsv")

# The day this table was compiled and every row's verification status assigned (the extract's
# own compilation date). The calculator shows it as the table's "as of" date.
CHECKED = "2026-11-23"

REGIMES = {
    "UN arms embargo": "un_arms_embargo",
    "EU arms embargo": "eu_arms_embargo",
    "EU internal repression equipment ban": "eu_internal_repression_ban",
    "EU telecom monitoring equipment ban": "eu_telecom_monitoring_ban",
    "OSCE arms embargo (political)": "osce_arms_embargo",
}

# Whom each measure covers:
#   whole            every end user in the destination;
#   except_state     everyone but the government's own forces, which are exempt (often with a
#                    notification or an authorisation);
#   listed_only      only listed persons and entities (the sanctions screening answers it);
#   region           only part of the territory (the user must say where the end user is).
SCOPE = {
    ("AF", "un_arms_embargo"): "listed_only",
    ("AF", "eu_arms_embargo"): "listed_only",
    ("AM", "osce_arms_embargo"): "region",
    ("AZ", "osce_arms_embargo"): "region",
    ("BY", "eu_arms_embargo"): "whole",
    ("BY", "eu_internal_repression_ban"): "whole",
    ("BY", "eu_telecom_monitoring_ban"): "whole",
    ("CD", "un_arms_embargo"): "except_state",
    ("CD", "eu_arms_embargo"): "except_state",
    ("CF", "un_arms_embargo"): "except_state",
    ("CF", "eu_arms_embargo"): "except_state",
    ("CN", "eu_arms_embargo"): "whole",
    ("HT", "un_arms_embargo"): "whole",
    ("HT", "eu_arms_embargo"): "whole",
    ("IQ", "un_arms_embargo"): "except_state",
    ("IQ", "eu_arms_embargo"): "except_state",
    ("IR", "un_arms_embargo"): "whole",
    ("IR", "eu_arms_embargo"): "whole",
    ("IR", "eu_internal_repression_ban"): "whole",
    ("IR", "eu_telecom_monitoring_ban"): "whole",
    ("KP", "un_arms_embargo"): "whole",
    ("KP", "eu_arms_embargo"): "whole",
    ("LB", "un_arms_embargo"): "except_state",
    ("LB", "eu_arms_embargo"): "except_state",
    ("LY", "un_arms_embargo"): "whole",
    ("LY", "eu_arms_embargo"): "whole",
    ("LY", "eu_internal_repression_ban"): "whole",
    ("MM", "eu_arms_embargo"): "whole",
    ("MM", "eu_internal_repression_ban"): "whole",
    ("MM", "eu_telecom_monitoring_ban"): "whole",
    ("RU", "eu_arms_embargo"): "whole",
    ("RU", "eu_internal_repression_ban"): "whole",
    ("RU", "eu_telecom_monitoring_ban"): "whole",
    ("SD", "un_arms_embargo"): "region",
    ("SD", "eu_arms_embargo"): "whole",
    ("SO", "un_arms_embargo"): "except_state",
    ("SO", "eu_arms_embargo"): "listed_only",
    ("SS", "un_arms_embargo"): "whole",
    ("SS", "eu_arms_embargo"): "whole",
    ("SY", "eu_arms_embargo"): "whole",
    ("SY", "eu_internal_repression_ban"): "whole",
    ("SY", "eu_telecom_monitoring_ban"): "whole",
    ("VE", "eu_arms_embargo"): "whole",
    ("VE", "eu_internal_repression_ban"): "whole",
    ("VE", "eu_telecom_monitoring_ban"): "whole",
    ("YE", "un_arms_embargo"): "listed_only",
    ("YE", "eu_arms_embargo"): "listed_only",
    ("ZW", "eu_arms_embargo"): "whole",
    ("ZW", "eu_internal_repression_ban"): "whole",
}

# EU restrictive measures on trade that the extract names but does not detail (its README:
# "dual-use and technology export bans (Russia, Belarus, Iran, Myanmar, DPRK)"). They are kept as
# one row per destination that says only that such restrictions exist and must be checked against
# the goods: the calculator never claims to know what they list. Legal bases as the EU Sanctions
# Map cites them; marked secondary because they were not re-read against the consolidated acts.
TRADE_RESTRICTIONS = [
    ("RU", "Russia", "Council Decision 2014/512/CFSP; Regulation (EU) No 833/2014, as amended", "2014-07-31",
     "Sectoral trade restrictions: bans on exporting dual-use goods, advanced technology, and many other listed goods and services to Russia or for use in Russia"),
    ("BY", "Belarus", "Council Decision 2012/642/CFSP; Regulation (EC) No 765/2006, as amended", "2021-06-24",
     "Sectoral trade restrictions: bans on exporting dual-use goods, advanced technology and other listed goods to Belarus or for use in Belarus"),
    ("IR", "Iran", "Council Decision 2010/413/CFSP; Regulation (EU) No 267/2012, re-imposed 2025-09-29", "2012-03-23",
     "Trade restrictions: bans and authorisation requirements for listed dual-use, nuclear- and missile-related goods and technology"),
    ("KP", "Korea (Democratic People's Republic of)", "Council Decision (CFSP) 2016/849; Regulation (EU) 2017/1509", "2017-08-30",
     "Trade restrictions: bans on exporting dual-use goods, luxury goods and most other listed goods to the DPRK"),
    ("MM", "Myanmar", "Council Decision 2013/184/CFSP; Regulation (EU) No 401/2013, as amended", "2018-04-26",
     "Trade restrictions: ban on exporting dual-use goods for military use or for the border guard police"),
]


def verification(cell):
    """The extract's status, reduced to one word. A row verified only in part counts as
    secondary, and a UN renewal that lapsed before this table was compiled as unverified: the
    lowest status any part of the row has."""
    cell = cell.strip().lower()
    if cell.startswith("unverified"):
        return "unverified"
    if cell.startswith("secondary") or "secondary" in cell:
        return "secondary"
    if cell == "verified":
        return "verified"
    sys.exit(f"unknown verification status: {cell!r}")


def clean(cell):
    """One line, no tabs: the table is tab-separated."""
    return re.sub(r"\s+", " ", cell).strip()


rows = []
seen = set()
for row in csv.DictReader(open(source / "arms_embargoes_un_eu_2026.csv", encoding="utf-8")):
    regime = REGIMES.get(row["regime"].strip())
    if regime is None:
        sys.exit(f"unknown regime: {row['regime']!r}")
    key = (row["iso2"].strip(), regime)
    if key not in SCOPE:
        sys.exit(f"no reading of {key}: read the row and add its scope to SCOPE")
    if key in seen:
        sys.exit(f"duplicate row {key}")
    seen.add(key)
    legal_basis = clean(row["legal_basis"])
    if not legal_basis:
        sys.exit(f"{key} has no legal basis")
    rows.append([
        key[0], regime, SCOPE[key], verification(row["verification"]), legal_basis,
        clean(row["in_force_since"]), clean(row["valid_until"]), clean(row["as_of"]), CHECKED,
        clean(row["scope"]), clean(row["source_note"]),
    ])
missing = set(SCOPE) - seen
if missing:
    sys.exit(f"readings for rows the extract no longer has: {sorted(missing)}")
for iso2, _name, basis, since, scope in TRADE_RESTRICTIONS:
    rows.append([
        iso2, "eu_trade_restrictions", "whole", "secondary", basis, since, "", "", CHECKED, scope,
        "Named as not covered in detail by the source extract (its README); legal basis as the EU Sanctions Map cites it",
    ])
rows.sort(key=lambda r: (r[0], list(REGIMES.values()).index(r[1]) if r[1] in REGIMES.values() else 99))

# The embedded table carries what the calculator shows; the evidence behind each row (the source
# notes) stays beside it in a file that is not compiled in, to keep the download small.
header = ["country", "regime", "scope", "verification", "legal_basis", "in_force_since", "valid_until",
          "source_date", "checked", "scope_in_words"]
with open(evidence, "w", encoding="utf-8", newline="") as out:
    out.write("# How each row of restrictive_measures.tsv was verified (the source notes of the extract). Generated by scripts/build-restrictive-measures.py.\n")
    out.write("country\tregime\tverification\tsource_date\tsource_note\n")
    for r in rows:
        out.write("\t".join([r[0], r[1], r[3], r[7], r[10]]) + "\n")
with open(target, "w", encoding="utf-8", newline="") as out:
    out.write("# Restrictive measures on destinations (UN and EU). Generated by scripts/build-restrictive-measures.py; do not edit by hand.\n")
    out.write("# Facts compiled by hand from UN Security Council resolutions, EU Council decisions and regulations and official press releases (extract of 2026-11-23); regime checklist cross-checked against OpenSanctions program metadata, MIT licence, Copyright (c) 2023-2026 OpenSanctions Datenbanken GmbH. Not legal advice: check the official lists before deciding.\n")
    out.write("\t".join(header) + "\n")
    for r in rows:
        for cell in r:
            if "\t" in cell or "\n" in cell:
                sys.exit(f"tab or newline in {r[:2]}")
        out.write("\t".join(r[:10]) + "\n")
print(f"wrote {len(rows)} rows to {target}")
