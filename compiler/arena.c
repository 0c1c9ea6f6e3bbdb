#include "arena.h"
#include "i18n.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { JX_ARENA_CHUNK = 64 * 1024 };

struct chunk {
  struct chunk *next;
  size_t used, size;
  max_align_t data[];
};

struct jx_arena {
  struct chunk *head;
  struct chunk *spare; /* emptied by jx_arena_reset, used again first */
};

static void oom(void) {
  fputs(_("jxc: out of memory\n"), stderr);
  abort();
}

jx_arena *jx_arena_new(void) { return calloc(1, sizeof(jx_arena)); }

static void free_chunks(struct chunk *c) {
  for (struct chunk *next; c; c = next) {
    next = c->next;
    free(c);
  }
}

void jx_arena_free(jx_arena *a) {
  if (!a) return;
  free_chunks(a->head);
  free_chunks(a->spare);
  free(a);
}

size_t jx_arena_capacity(const jx_arena *a) {
  size_t n = 0;
  for (const struct chunk *c = a->head; c; c = c->next) n += c->size;
  return n;
}

size_t jx_arena_used(const jx_arena *a) {
  size_t n = 0;
  for (const struct chunk *c = a->head; c; c = c->next) n += c->used;
  return n;
}

void jx_arena_reset(jx_arena *a) {
  while (a->head) {
    struct chunk *c = a->head;
    a->head = c->next;
    c->next = a->spare;
    a->spare = c;
  }
}

/* Memory for size bytes aligned to align (a power of two), not zeroed. */
static void *take(jx_arena *a, size_t size, size_t align) {
  struct chunk *c = a->head;
  if (c) c->used = (c->used + align - 1) & ~(align - 1);
  if (!c || c->used > c->size || c->size - c->used < size) {
    size_t want = size > JX_ARENA_CHUNK ? size : JX_ARENA_CHUNK;
    if (a->spare && a->spare->size >= want) {
      /* A chunk given back by jx_arena_reset: its pages are already there. */
      c = a->spare;
      a->spare = c->next;
      want = c->size;
    } else {
      c = malloc(sizeof(struct chunk) + want);
      if (!c) oom();
    }
    c->size = want;
    c->used = 0;
    c->next = a->head;
    a->head = c;
  }
  void *p = (char *)c->data + c->used;
  c->used += size;
  return p;
}

void *jx_arena_alloc(jx_arena *a, size_t size) {
  void *p = take(a, size, sizeof(max_align_t));
  memset(p, 0, size);
  return p;
}

char *jx_arena_strndup(jx_arena *a, const char *s, size_t n) {
  /* Text needs no alignment, and every byte is written below. */
  char *p = take(a, n + 1, 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *jx_arena_strdup(jx_arena *a, const char *s) {
  return jx_arena_strndup(a, s, strlen(s));
}

char *jx_arena_printf(jx_arena *a, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) oom();
  char *p = take(a, (size_t)n + 1, 1);
  va_start(ap, fmt);
  vsnprintf(p, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return p;
}

void jx_list_push(jx_arena *a, jx_list *l, void *item) {
  if (l->len == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 4;
    void **items = jx_arena_alloc(a, cap * sizeof *items);
    if (l->len) memcpy(items, l->items, l->len * sizeof *items);
    l->items = items;
    l->cap = cap;
  }
  l->items[l->len++] = item;
}

jx_list jx_list_copy(jx_arena *a, const jx_list *l) {
  jx_list c = {0};
  for (size_t i = 0; i < l->len; i++) jx_list_push(a, &c, l->items[i]);
  return c;
}
