#include "arena.h"
#include "i18n.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Chunks start small, so that the many small arenas (a diff's, a test's)
 * stay small, and double up to BIG_CHUNK, so that a province-scale
 * document takes a few hundred chunks, not tens of thousands. Chunks of
 * HUGE_PAGE and more are mapped directly, aligned to and advised for huge
 * pages: on a virtual machine each page fault costs tens of microseconds,
 * and with 4 KiB pages a 100 MB syntax tree spent more time faulting than
 * parsing (see doc/performance.md). */
enum {
  FIRST_CHUNK = 64 * 1024,
  BIG_CHUNK = 32 * 1024 * 1024,
  HUGE_PAGE = 2 * 1024 * 1024,
};

struct chunk {
  struct chunk *next;
  size_t used, size;
  size_t mapped; /* bytes mapped with mmap at this address; 0 if malloc'd */
  /* Bytes at the start of data that may not be zero: what was handed out
   * before, or all of a chunk from malloc. A mapped chunk comes zeroed by
   * the kernel, so memory past dirty is zero and not cleared again. */
  size_t dirty;
  max_align_t data[];
};

struct jx_arena {
  struct chunk *head;
  struct chunk *spare; /* emptied by jx_arena_reset, used again first */
  size_t next_size;    /* the size of the next new chunk */
};

static void oom(void) {
  fputs(_("jxc: out of memory\n"), stderr);
  abort();
}

jx_arena *jx_arena_new(void) { return calloc(1, sizeof(jx_arena)); }

static void free_chunks(struct chunk *c) {
  for (struct chunk *next; c; c = next) {
    next = c->next;
    if (c->mapped)
      munmap(c, c->mapped);
    else
      free(c);
  }
}

/* A chunk with room for want bytes: mapped and 2 MiB-aligned when large,
 * else from malloc. Sets c->size (at least want) and c->mapped. */
static struct chunk *new_chunk(size_t want) {
  size_t total = sizeof(struct chunk) + want;
  if (total < HUGE_PAGE) {
    struct chunk *c = malloc(total);
    if (!c) oom();
    c->size = want;
    c->mapped = 0;
    c->dirty = want;
    return c;
  }
  total = (total + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
  /* Map one huge page more, then trim to an aligned start. */
  char *raw = mmap(NULL, total + HUGE_PAGE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) oom();
  uintptr_t start = ((uintptr_t)raw + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
  size_t head = start - (uintptr_t)raw, tail = HUGE_PAGE - head;
  if (head) munmap(raw, head);
  if (tail) munmap((char *)start + total, tail);
#ifdef MADV_HUGEPAGE
  madvise((void *)start, total, MADV_HUGEPAGE); /* advice only: failure is fine */
#endif
  struct chunk *c = (struct chunk *)start;
  c->size = total - sizeof(struct chunk);
  c->mapped = total;
  c->dirty = 0;
  return c;
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

void jx_arena_adopt(jx_arena *dst, jx_arena *src) {
  if (!src) return;
  struct chunk *last = src->head;
  if (last) {
    while (last->next) last = last->next;
    /* Behind dst's current chunk, which goes on taking allocations. */
    if (dst->head) {
      last->next = dst->head->next;
      dst->head->next = src->head;
    } else {
      last->next = NULL;
      dst->head = src->head;
    }
  }
  src->head = NULL;
  jx_arena_free(src);
}

void jx_arena_reset(jx_arena *a) {
  while (a->head) {
    struct chunk *c = a->head;
    a->head = c->next;
    c->next = a->spare;
    a->spare = c;
  }
}

/* Memory for size bytes aligned to align (a power of two), zeroed when
 * zero (only what may not be zero already). */
static void *take(jx_arena *a, size_t size, size_t align, bool zero) {
  struct chunk *c = a->head;
  if (c) c->used = (c->used + align - 1) & ~(align - 1);
  if (!c || c->used > c->size || c->size - c->used < size) {
    if (a->next_size < FIRST_CHUNK) a->next_size = FIRST_CHUNK;
    size_t want = size > a->next_size ? size : a->next_size;
    if (a->spare && a->spare->size >= size) {
      /* A chunk given back by jx_arena_reset: its pages are already there. */
      c = a->spare;
      a->spare = c->next;
    } else {
      c = new_chunk(want);
      if (a->next_size < BIG_CHUNK) a->next_size *= 2;
    }
    c->used = 0;
    c->next = a->head;
    a->head = c;
  }
  void *p = (char *)c->data + c->used;
  if (zero && c->used < c->dirty) memset(p, 0, size < c->dirty - c->used ? size : c->dirty - c->used);
  c->used += size;
  if (c->used > c->dirty) c->dirty = c->used;
  return p;
}

void *jx_arena_alloc(jx_arena *a, size_t size) {
  return take(a, size, sizeof(max_align_t), true);
}

char *jx_arena_strndup(jx_arena *a, const char *s, size_t n) {
  /* Text needs no alignment, and every byte is written below. */
  char *p = take(a, n + 1, 1, false);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *jx_arena_bytes(jx_arena *a, size_t n) { return take(a, n, 1, false); }

char *jx_arena_strdup(jx_arena *a, const char *s) {
  return jx_arena_strndup(a, s, strlen(s));
}

char *jx_arena_join(jx_arena *a, const char *first, const char *sep, const char *second) {
  size_t n1 = strlen(first), n2 = strlen(sep), n3 = strlen(second);
  char *p = take(a, n1 + n2 + n3 + 1, 1, false);
  memcpy(p, first, n1);
  memcpy(p + n1, sep, n2);
  memcpy(p + n1 + n2, second, n3);
  p[n1 + n2 + n3] = '\0';
  return p;
}

char *jx_arena_printf(jx_arena *a, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) oom();
  char *p = take(a, (size_t)n + 1, 1, false);
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
