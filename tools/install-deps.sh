#!/bin/sh
# Installs what building and testing jixiao needs on Debian 12 (bookworm).
# Runs apt-get directly as root, through sudo otherwise.
set -eu
# Build: the toolchain, bison, flex and the libraries. Tests: chromium,
# poppler-utils and CJK fonts print the HTML tables to PDF; unzip reads XLSX;
# git drives the diff-driver test; clang with its sanitizer and fuzzer
# runtimes runs make fuzz; util-linux's setpriv drops root for one test;
# make bench compares with xmllint (libxml2-utils) and measures with time.
packages="build-essential autoconf automake pkg-config flex bison libutf8proc-dev
libxml2-dev libxlsxwriter-dev chromium poppler-utils fonts-noto-cjk unzip
git clang libclang-rt-14-dev util-linux libxml2-utils time"
if [ "$(id -u)" -eq 0 ]; then
  run=""
else
  run="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$run apt-get update -qq
# shellcheck disable=SC2086
$run apt-get install -y -qq --no-install-recommends $packages >/dev/null
echo "install-deps: installed $packages"
