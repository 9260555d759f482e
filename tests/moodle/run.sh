#!/usr/bin/env bash
# Import studyguide's Moodle XML exports into a real Moodle (PHP and PostgreSQL from the system's
# packages, no Docker) and answer every question with the right answer from the guide's key (and
# with a wrong one, which must score less; each question's mark must be the guide's points).
# See docs/moodle-check.md.
#
#   tests/moodle/run.sh --moodle ~/moodle                 # the bundled guides and tests/cases/export/*.yaml
#   MOODLE_DIR=~/moodle tests/moodle/run.sh guides/mine.yaml
#
# MOODLE_DIR (or --moodle DIR) is a Moodle 4.4+ or 5.x source checkout (git clone -b MOODLE_405_STABLE
# or MOODLE_501_STABLE https://github.com/moodle/moodle); from 5.1 its version.php is under public/. If it has no config.php yet, the site is installed there from the
# CLI (admin/cli/install.php) on the PostgreSQL database MOODLE_DB (default sgcheck), user
# MOODLE_DB_USER/MOODLE_DB_PASS (default moodle/moodle) on MOODLE_DB_HOST (default localhost), with
# its data in MOODLE_DATAROOT (default /tmp/sgcheck-moodledata); run as root, the script creates
# that user and database with `su postgres` when they are missing. Each run imports into new
# courses, so it can be repeated on the same site.
#
# Needs: php-cli with pgsql, xml, mbstring, curl, zip, gd, intl, soap (Debian: apt-get install php-cli
# php-pgsql php-xml php-mbstring php-curl php-zip php-gd php-intl php-soap postgresql), a running
# PostgreSQL, and this repo's venv (.venv, or STUDYGUIDE_PYTHON=...).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
moodle=${MOODLE_DIR:-}
if [ "${1:-}" = --moodle ]; then moodle=$2; shift 2; fi
version=
for v in "$moodle/version.php" "$moodle/public/version.php"; do  # Moodle 5.1 moved it under public/
  if [ -n "$moodle" ] && [ -f "$v" ]; then version=$v; break; fi
done
if [ -z "$version" ]; then
  echo "run.sh: give a Moodle checkout: MOODLE_DIR=DIR or --moodle DIR (a folder with version.php, or public/version.php from Moodle 5.1)" >&2
  exit 2
fi
moodle=$(cd "$moodle" && pwd)
php=${PHP:-php}
python=${STUDYGUIDE_PYTHON:-$repo/.venv/bin/python}
db=${MOODLE_DB:-sgcheck} dbuser=${MOODLE_DB_USER:-moodle} dbpass=${MOODLE_DB_PASS:-moodle}
dbhost=${MOODLE_DB_HOST:-localhost} dataroot=${MOODLE_DATAROOT:-/tmp/sgcheck-moodledata}

missing=$("$php" -r 'foreach (["pgsql","xml","mbstring","curl","zip","gd","intl","soap","iconv"] as $e) if (!extension_loaded($e)) echo "$e ";')
if [ -n "$missing" ]; then echo "run.sh: PHP lacks the extensions: $missing" >&2; exit 2; fi

if [ ! -f "$moodle/config.php" ]; then
  if [ "$(id -u)" = 0 ] && ! su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='$db'\"" | grep -q 1; then
    su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$dbuser'\"" | grep -q 1 ||
      su postgres -c "psql -qc \"CREATE USER $dbuser WITH PASSWORD '$dbpass'\""
    su postgres -c "createdb -E UTF8 -O $dbuser $db"
  fi
  mkdir -p "$dataroot"
  echo "installing Moodle in $moodle (database $db, data in $dataroot): a few minutes..." >&2
  # Moodle's installer wants max_input_vars >= 5000 (PHP's default is 1000).
  "$php" -d max_input_vars=5000 "$moodle/admin/cli/install.php" --non-interactive --agree-license --lang=en \
    --wwwroot=http://localhost/sgcheck --dataroot="$dataroot" --dbtype=pgsql --dbhost="$dbhost" \
    --dbname="$db" --dbuser="$dbuser" --dbpass="$dbpass" --prefix=mdl_ --fullname="studyguide check" \
    --shortname=sgcheck --adminuser=admin --adminpass='Sgcheck-1' --adminemail=admin@example.com >&2
fi

out=$(mktemp -d "${TMPDIR:-/tmp}/sgcheck.XXXXXX")
if [ "$#" -gt 0 ]; then guides=("$@"); else guides=("$repo"/guides/*.yaml "$repo"/tests/cases/export/*.yaml); fi
checked=()
for guide in "${guides[@]}"; do
  [ "$(basename "$guide")" = studyguide.yaml ] && continue  # the defaults file, not a guide
  "$python" -m studyguide export --to moodle "$guide" -o "$out" >&2
  checked+=("$guide")
done
"$python" "$here/answer_key.py" "$out" "${checked[@]}"
echo "Moodle $(sed -n "s/^\$release *= *'\([^']*\)'.*/\1/p" "$version"), exports in $out" >&2
MOODLE_DIR=$moodle "$php" "$here/check_import.php" "$out"/*-moodle.xml
