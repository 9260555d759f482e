#!/usr/bin/env bash
# Import studyguide's Moodle XML exports into a real Moodle (on PostgreSQL, in Docker, with
# moodle-docker) and answer every question with its right answer. Needs git and Docker; takes
# about ten minutes the first time. See docs/moodle-check.md.
#
#   tests/moodle/run.sh                   # the bundled guides and tests/cases/export/*.yaml
#   tests/moodle/run.sh guides/mine.yaml  # chosen guides
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${STUDYGUIDE_MOODLE_WORK:-$HOME/.cache/studyguide-moodle}
branch=${MOODLE_BRANCH:-MOODLE_405_STABLE}
moodle_git=${MOODLE_GIT:-https://github.com/moodle/moodle.git}
docker_git=${MOODLE_DOCKER_GIT:-https://github.com/moodlehq/moodle-docker.git}
studyguide=${STUDYGUIDE:-$repo/.venv/bin/studyguide}

mkdir -p "$work"
[ -d "$work/moodle" ] || git clone --depth 1 --branch "$branch" "$moodle_git" "$work/moodle"
[ -d "$work/moodle-docker" ] || git clone --depth 1 "$docker_git" "$work/moodle-docker"

out="$work/moodle/sgcheck"
rm -rf "$out" && mkdir -p "$out"
if [ "$#" -gt 0 ]; then guides=("$@"); else guides=("$repo"/guides/*.yaml "$repo"/tests/cases/export/*.yaml); fi
for guide in "${guides[@]}"; do
  [ "$(basename "$guide")" = studyguide.yaml ] && continue
  "$studyguide" export --to moodle "$guide" -o "$out"
done
cp "$here/check_import.php" "$out/"

export MOODLE_DOCKER_WWWROOT="$work/moodle" MOODLE_DOCKER_DB=pgsql
cd "$work/moodle-docker"
[ -f "$work/moodle/config.php" ] || cp config.docker-template.php "$work/moodle/config.php"
bin/moodle-docker-compose up -d
bin/moodle-docker-wait-for-db
if [ ! -f "$work/.installed" ]; then  # the site's database, once
  bin/moodle-docker-compose exec -T webserver php admin/cli/install_database.php --agree-license \
    --fullname="studyguide check" --shortname=sgcheck --adminpass=test --adminemail=admin@example.com
  touch "$work/.installed"
fi
bin/moodle-docker-compose exec -T webserver sh -c 'php sgcheck/check_import.php sgcheck/*.xml'
# Stop it with: MOODLE_DOCKER_WWWROOT="$work/moodle" MOODLE_DOCKER_DB=pgsql "$work/moodle-docker/bin/moodle-docker-compose" down
