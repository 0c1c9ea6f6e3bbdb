#include <config.h>

#include "relocate.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

bool jx_relocate(const char *dir, char *out, size_t size) {
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return false;
  exe[n] = '\0';
  /* The common leading folders of bindir and dir, and how many folders
   * bindir goes below them. */
  const char *bin = JX_BINDIR;
  size_t common = 0, i = 0;
  while (bin[i] && bin[i] == dir[i]) {
    if (bin[i] == '/') common = i;
    i++;
  }
  if (!bin[i] && (dir[i] == '/' || !dir[i])) common = i;
  int up = 0;
  for (const char *p = bin + common; *p; p++)
    if (*p == '/' && p[1] && p[1] != '/') up++;
  /* The program's folder, then up that many. */
  char *slash = strrchr(exe, '/');
  if (!slash) return false;
  *slash = '\0';
  for (; up > 0; up--) {
    slash = strrchr(exe, '/');
    if (!slash) return false;
    *slash = '\0';
  }
  int len = snprintf(out, size, "%s%s", exe, dir + common);
  return len >= 0 && (size_t)len < size;
}
