#!/usr/bin/env bash
# The image's runtime, made from the build machine's JDK without any registry (there is none to pull a base image
# from here): a jlink'ed Java 17, the shared libraries it links against, and a non-root user. Jib puts this folder
# at the image's root, on top of an empty (scratch) base. Used by `./mvnw -Pimage package -pl server -am`.
set -euo pipefail
out=${1:?usage: image-runtime.sh OUTPUT_DIR}
rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp"

# java.se plus what Spring, Netty, Kafka and the JDBC driver reach outside it (Unsafe, EC keys for ES256 tokens and
# TLS, DNS names, zip file systems, management beans for actuator metrics).
jlink --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.naming.dns,jdk.zipfs,jdk.management,jdk.charsets,jdk.localedata \
  --include-locales en,de --strip-debug --no-man-pages --no-header-files --compress=2 --output "$out/opt/java"
# Debian's JDK links its CA store to /etc/ssl; the image gets the file itself.
cp --remove-destination -L "$(dirname "$(readlink -f "$(command -v java)")")/../lib/security/cacerts" \
  "$out/opt/java/lib/security/cacerts"

# java.desktop must stay (Spring uses java.beans), but a headless server never loads its native graphics and sound
# libraries, which would drag X11, fonts and ALSA into the image.
find "$out/opt/java/lib" \( -name 'libawt*' -o -name 'libsplashscreen*' -o -name 'libjsound*' -o -name 'libfontmanager*' \
  -o -name 'liblcms*' -o -name 'libjavajpeg*' -o -name 'libmlib_image*' \) -delete

# Every shared library the launcher and the JDK's own libraries need, at the path the loader looks for it.
{ echo "$out/opt/java/bin/java"; find "$out/opt/java/lib" -name '*.so'; } | while read -r binary; do
  ldd "$binary" | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}'
done | sort -u | while read -r library; do
  cp -L --parents "$library" "$out"
done

echo "root:x:0:0:root:/root:/sbin/nologin" > "$out/etc/passwd"
echo "nonroot:x:65532:65532:nonroot:/tmp:/sbin/nologin" >> "$out/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$out/etc/group"
