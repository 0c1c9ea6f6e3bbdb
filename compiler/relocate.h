/* Installed folders as the running program sees them. A program installed
 * in PREFIX/bin finds its data in PREFIX/share/jixiao and its translations
 * in PREFIX/share/locale whatever PREFIX was at configure time: after make
 * install prefix=…, DESTDIR=…, stow, or moving the tree. */
#ifndef JX_RELOCATE_H
#define JX_RELOCATE_H

#include <stdbool.h>
#include <stddef.h>

/* The configured installed folder dir (absolute, as make expanded it), moved
 * the way the running program was: dir's path from the configured bindir
 * applied to the folder of /proc/self/exe. Written to out, which has size
 * bytes; false where the program's path is unknown (no /proc) or out is too
 * small. Whether the folder exists is for the caller to see. */
bool jx_relocate(const char *dir, char *out, size_t size);

#endif
