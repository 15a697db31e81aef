#!/usr/bin/env bash
# `cvpdf schema` and the loader agree: every example profile (data/, samples/, tests/layout/,
# tests/import/*/profile.yaml) validates against the schema, and every profile in
# tests/schema/bad/ — each rejected by the loader — is rejected by the schema too.
source "$(dirname "$0")/lib.bash" "$@"

"$CVPDF" schema > "$WORK/schema.json" || fail "cvpdf schema"
$PY -c 'import jsonschema' 2> /dev/null || fail "python3-jsonschema is missing (scripts/setup.sh)"

for bad in "$SRC"/tests/schema/bad/*.yaml; do
  set +e
  "$CVPDF" check "$bad" 2> /dev/null; rc=$?
  set -e
  [ "$rc" -eq 1 ] || fail "the loader accepts $(basename "$bad") (exit $rc)"
done

$PY - "$WORK/schema.json" "$SRC" <<'PYEOF'
import datetime, glob, json, sys
import jsonschema, yaml

schema = json.load(open(sys.argv[1]))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
src = sys.argv[2]

def plain(v):  # YAML 1.1 dates (PyYAML) are strings to yaml-language-server and to cvpdf
    if isinstance(v, dict):
        return {str(k): plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    return v

failed = 0
good = sorted(glob.glob(f"{src}/data/*.yaml") + glob.glob(f"{src}/samples/*.yaml") +
              glob.glob(f"{src}/tests/layout/*.yaml") + glob.glob(f"{src}/tests/import/*/profile.yaml"))
for path in good:
    errors = list(validator.iter_errors(plain(yaml.safe_load(open(path, encoding="utf-8")))))
    for e in errors[:3]:
        print(f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
    failed += bool(errors)
for path in sorted(glob.glob(f"{src}/tests/schema/bad/*.yaml")):
    if validator.is_valid(plain(yaml.safe_load(open(path, encoding="utf-8")))):
        print(f"{path}: the schema accepts a profile the loader rejects")
        failed += 1
print(f"{len(good)} good profiles checked")
sys.exit(1 if failed else 0)
PYEOF
pass "schema and loader agree"
