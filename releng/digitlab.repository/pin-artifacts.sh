#!/usr/bin/env bash
# Pins the lab's own artifacts in the materialized products (issue 15): every digitlab.* bundle and feature of
# this build's p2 repository (target/repository, the same bytes as digitlab-repository.zip, examples included),
# with its SHA-256, into each product's p2/digitlab.p2/trusted-artifacts.txt. The product's p2 trust question
# (digitlab.p2.internal.PinnedArtifacts) then trusts exactly these without asking: same id, version and content.
# Run by the Maven build after the products are materialized, before they are archived.
#
#   pin-artifacts.sh TARGET_DIR     (e.g. releng/digitlab.repository/target)
set -euo pipefail

target="$(cd "$1" && pwd)"
repository="$target/repository"
pins="$target/trusted-artifacts.txt"

# folder_sha256 JAR: p2 installs a feature unpacked into a folder, so its pin is of the unpacked files: the SHA-256
# of the lines "relative/path<TAB>sha256" of every file, sorted bytewise (PinnedArtifacts.folderSha256)
folder_sha256() {
  local unpacked
  unpacked="$(mktemp -d)"
  (cd "$unpacked" && unzip -q "$1")
  (cd "$unpacked" && find . -type f -printf '%P\n' | while IFS= read -r file; do
     printf '%s\t%s\n' "$file" "$(sha256sum "$file" | cut -d' ' -f1)"
   done | LC_ALL=C sort | sha256sum | cut -d' ' -f1)
  rm -rf "$unpacked"
}
{
  echo "# The lab's own artifacts (classifier id version sha256), written by pin-artifacts.sh when the product was built."
  for jar in "$repository"/plugins/digitlab.*.jar "$repository"/features/digitlab.*.jar; do
    [ -f "$jar" ] || continue
    name="$(basename "$jar" .jar)"
    case "$jar" in
      */plugins/*) echo "osgi.bundle ${name%%_*} ${name#*_} $(sha256sum "$jar" | cut -d' ' -f1)" ;;
      *) echo "org.eclipse.update.feature ${name%%_*} ${name#*_} $(folder_sha256 "$jar")" ;;
    esac
  done
} > "$pins"
count=$(grep -vc '^#' "$pins")
if [ "$count" -lt 2 ]; then
  echo "pin-artifacts: only $count of the lab's artifacts in $repository" >&2
  exit 1
fi
for product in "$target"/products/*/linux/gtk/x86_64/digitlab; do
  mkdir -p "$product/p2/digitlab.p2"
  cp "$pins" "$product/p2/digitlab.p2/trusted-artifacts.txt"
done
echo "pin-artifacts: $count artifacts pinned in $(ls -d "$target"/products/*/linux/gtk/x86_64/digitlab | wc -l) products" >&2
