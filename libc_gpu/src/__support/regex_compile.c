/* glibc's regcomp, pass for pass, so that the NFA it builds (and with it
 * every submatch glibc reports) is glibc's: the same tokens, the same parse
 * tree with {m,n} written out as copies, ((x)) folded into one group, groups
 * lowered to OPEN/CLOSE nodes, nodes numbered in postorder and linked.
 * glibc parses by recursive descent, one C call per nesting level; here the
 * nesting is an explicit stack of levels and every tree walk follows parent
 * links, so a VM's 16 KiB stack holds any pattern. */
#include "regex_compile.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* glibc's RE_DUP_MAX: a larger count is REG_ESIZE. */
#define DUP_MAX 0x7fff
/* Each {m,n} copies its operand: past this many tree nodes regcomp gives up
 * with REG_ESPACE, as glibc would when its allocations failed. */
#define TREE_MAX (1 << 22)
/* glibc's bound on the name in [:name:], [.name.] and [=name=]. */
#define BRACKET_NAME_MAX 32

enum tree_type {
  T_CHAR,
  T_SET,
  T_ANY,
  T_BACKREF,
  T_END,
  T_ALT,
  T_STAR,
  T_ANCHOR,
  T_OPEN,
  T_CLOSE,
  T_CONCAT,
  T_SUBEXP,
};

/* A node of the parse tree, linked by indices (the array grows). */
struct tree {
  uint8_t type; /* enum tree_type */
  uint8_t optional;
  int32_t value;
  int32_t left, right, parent;
  /* The tree node whose NFA node a match of this subtree starts at. */
  int32_t first;
  /* The tree node a match goes on to after this subtree. */
  int32_t next;
  int32_t node; /* this node's NFA number; a CONCAT's is its left's */
};

enum token_type {
  TK_CHAR,
  TK_END,
  TK_BACKSLASH, /* a '\\' ending the pattern */
  TK_ALT,
  TK_STAR,
  TK_PLUS,
  TK_QUESTION,
  TK_OPEN_DUP,
  TK_CLOSE_DUP,
  TK_OPEN_GROUP,
  TK_CLOSE_GROUP,
  TK_BRACKET,
  TK_PERIOD,
  TK_ANCHOR, /* value: enum regex_anchor, or one of the two below */
  TK_BACKREF,
  TK_WORD,
  TK_NOTWORD,
  TK_SPACE,
  TK_NOTSPACE,
};

/* \b and \B, which become a SPLIT between two anchors. */
enum { WORD_DELIM = 100, NOT_WORD_DELIM };

struct token {
  enum token_type type;
  unsigned char c; /* the byte, for a token read as a literal */
  int value;
};

/* One parenthesized group being parsed, or the whole pattern. */
struct level {
  /* The branches before the current one, joined by '|'; -1 for none. */
  int32_t done;
  /* The current branch's expressions, concatenated; -1 for none. */
  int32_t branch;
  /* The current branch follows a '|'. */
  int after_bar;
  size_t group;
  /* Back-references may read only groups closed before them on their own
   * branch: each branch starts from the groups closed before the level, and
   * the level ends with the union (glibc's completed_bkref_map). */
  uint32_t completed_at_start;
  uint32_t completed_by_branches;
  int restore_pending;
};

struct compiler {
  const unsigned char *raw;
  /* The pattern as glibc reads it: upper-cased under REG_ICASE, except the
   * byte after a '\\' and class names, which glibc reads from raw. */
  const unsigned char *folded;
  size_t length, at;
  int extended, icase, newline;
  struct tree *trees;
  int32_t tree_count, tree_capacity;
  struct regex_set *sets;
  int32_t set_count, set_capacity;
  struct level *levels;
  size_t level_count, level_capacity;
  size_t group_count;
  uint32_t completed_groups;
  int32_t *group_map;
  int32_t node_count;
  struct regex_program *program;
};

static int32_t new_tree(struct compiler *c, enum tree_type type, int32_t left, int32_t right) {
  if (c->tree_count == c->tree_capacity) {
    if (c->tree_capacity >= TREE_MAX)
      return -1;
    int32_t bigger = c->tree_capacity ? c->tree_capacity * 2 : 64;
    struct tree *grown = realloc(c->trees, (size_t)bigger * sizeof *grown);
    if (!grown)
      return -1;
    c->trees = grown;
    c->tree_capacity = bigger;
  }
  int32_t index = c->tree_count++;
  struct tree *t = &c->trees[index];
  memset(t, 0, sizeof *t);
  t->type = (uint8_t)type;
  t->left = left;
  t->right = right;
  t->parent = t->first = t->next = t->node = -1;
  if (left >= 0)
    c->trees[left].parent = index;
  if (right >= 0)
    c->trees[right].parent = index;
  return index;
}

static int32_t new_leaf(struct compiler *c, enum tree_type type, int32_t value) {
  int32_t index = new_tree(c, type, -1, -1);
  if (index >= 0)
    c->trees[index].value = value;
  return index;
}

static int32_t new_set(struct compiler *c) {
  if (c->set_count == c->set_capacity) {
    int32_t bigger = c->set_capacity ? c->set_capacity * 2 : 8;
    struct regex_set *grown = realloc(c->sets, (size_t)bigger * sizeof *grown);
    if (!grown)
      return -1;
    c->sets = grown;
    c->set_capacity = bigger;
  }
  memset(&c->sets[c->set_count], 0, sizeof c->sets[0]);
  return c->set_count++;
}

static void set_add(struct regex_set *set, unsigned char byte) {
  set->bits[byte >> 5] |= 1u << (byte & 31);
}

static void set_invert(struct regex_set *set) {
  for (int i = 0; i < 8; ++i)
    set->bits[i] = ~set->bits[i];
}

/* The C locale's classes: ASCII only, as glibc's tables there. */
static int add_class(struct regex_set *set, const char *name, int icase) {
  static const struct {
    const char *name;
    int (*test)(int);
  } classes[] = {{"alnum", isalnum}, {"cntrl", iscntrl}, {"lower", islower}, {"space", isspace},
                 {"alpha", isalpha}, {"digit", isdigit}, {"print", isprint}, {"upper", isupper},
                 {"blank", isblank}, {"graph", isgraph}, {"punct", ispunct}, {"xdigit", isxdigit}};
  /* The subject is upper-cased under REG_ICASE, so glibc widens these. */
  if (icase && (!strcmp(name, "upper") || !strcmp(name, "lower")))
    name = "alpha";
  for (size_t i = 0; i < sizeof classes / sizeof classes[0]; ++i)
    if (!strcmp(name, classes[i].name)) {
      for (int byte = 0; byte < 0x80; ++byte)
        if (classes[i].test(byte))
          set_add(set, (unsigned char)byte);
      return 0;
    }
  return REG_ECTYPE;
}

/* glibc's peek_token: the token at c->at and its length in bytes.
 * caret_here: a BRE '^' here is an anchor (pattern start, after "\(" or
 * "\|"). */
static size_t peek_token(const struct compiler *c, struct token *t, int caret_here) {
  t->value = 0;
  if (c->at >= c->length) {
    t->type = TK_END;
    t->c = 0;
    return 0;
  }
  unsigned char byte = c->folded[c->at];
  t->c = byte;
  if (byte == '\\') {
    if (c->at + 1 >= c->length) {
      t->type = TK_BACKSLASH;
      return 1;
    }
    unsigned char escaped = c->raw[c->at + 1];
    t->c = escaped;
    t->type = TK_CHAR;
    switch (escaped) {
    case '|':
      if (!c->extended)
        t->type = TK_ALT;
      break;
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
      t->type = TK_BACKREF;
      t->value = escaped - '1';
      break;
    case '<':
      t->type = TK_ANCHOR;
      t->value = REGEX_WORD_FIRST;
      break;
    case '>':
      t->type = TK_ANCHOR;
      t->value = REGEX_WORD_LAST;
      break;
    case 'b':
      t->type = TK_ANCHOR;
      t->value = WORD_DELIM;
      break;
    case 'B':
      t->type = TK_ANCHOR;
      t->value = NOT_WORD_DELIM;
      break;
    case 'w':
      t->type = TK_WORD;
      break;
    case 'W':
      t->type = TK_NOTWORD;
      break;
    case 's':
      t->type = TK_SPACE;
      break;
    case 'S':
      t->type = TK_NOTSPACE;
      break;
    case '`':
      t->type = TK_ANCHOR;
      t->value = REGEX_BUF_FIRST;
      break;
    case '\'':
      t->type = TK_ANCHOR;
      t->value = REGEX_BUF_LAST;
      break;
    case '(':
      if (!c->extended)
        t->type = TK_OPEN_GROUP;
      break;
    case ')':
      if (!c->extended)
        t->type = TK_CLOSE_GROUP;
      break;
    case '+':
      if (!c->extended)
        t->type = TK_PLUS;
      break;
    case '?':
      if (!c->extended)
        t->type = TK_QUESTION;
      break;
    case '{':
      if (!c->extended)
        t->type = TK_OPEN_DUP;
      break;
    case '}':
      if (!c->extended)
        t->type = TK_CLOSE_DUP;
      break;
    default:
      break;
    }
    return 2;
  }
  t->type = TK_CHAR;
  switch (byte) {
  case '|':
    if (c->extended)
      t->type = TK_ALT;
    break;
  case '*':
    t->type = TK_STAR;
    break;
  case '+':
    if (c->extended)
      t->type = TK_PLUS;
    break;
  case '?':
    if (c->extended)
      t->type = TK_QUESTION;
    break;
  case '{':
    if (c->extended)
      t->type = TK_OPEN_DUP;
    break;
  case '}':
    if (c->extended)
      t->type = TK_CLOSE_DUP;
    break;
  case '(':
    if (c->extended)
      t->type = TK_OPEN_GROUP;
    break;
  case ')':
    if (c->extended)
      t->type = TK_CLOSE_GROUP;
    break;
  case '[':
    t->type = TK_BRACKET;
    break;
  case '.':
    t->type = TK_PERIOD;
    break;
  case '^':
    /* A BRE '^' elsewhere is a literal. */
    if (!c->extended && !caret_here && c->at != 0)
      break;
    t->type = TK_ANCHOR;
    t->value = REGEX_LINE_FIRST;
    break;
  case '$':
    /* A BRE '$' is an anchor only last, or before "\|" or "\)". */
    if (!c->extended && c->at + 1 != c->length &&
        !(c->folded[c->at + 1] == '\\' && c->at + 2 < c->length &&
          (c->raw[c->at + 2] == '|' || c->raw[c->at + 2] == ')')))
      break;
    t->type = TK_ANCHOR;
    t->value = REGEX_LINE_LAST;
    break;
  default:
    break;
  }
  return 1;
}

static void fetch_token(struct compiler *c, struct token *t, int caret_here) {
  c->at += peek_token(c, t, caret_here);
}

/* glibc's fetch_number: the count up to ',' or the closing brace; -1 for
 * none, -2 for anything but digits (or the pattern's end). */
static long fetch_number(struct compiler *c, struct token *t) {
  long number = -1;
  for (;;) {
    fetch_token(c, t, 0);
    if (t->type == TK_END)
      return -2;
    if (t->type == TK_CLOSE_DUP || t->c == ',')
      return number;
    if (t->type != TK_CHAR || t->c < '0' || t->c > '9' || number == -2)
      number = -2;
    else if (number == -1)
      number = t->c - '0';
    else {
      number = number * 10 + (t->c - '0');
      if (number > DUP_MAX + 1)
        number = DUP_MAX + 1;
    }
  }
}

/* A copy of the subtree at root, by a walk along parent links. */
static int32_t duplicate(struct compiler *c, int32_t root) {
  int32_t node = root, copy_parent = -1, copy_root = -1;
  int into_right = 0;
  for (;;) {
    int32_t copy = new_tree(c, (enum tree_type)c->trees[node].type, -1, -1);
    if (copy < 0)
      return -1;
    /* Not the optional mark: glibc's copies start without it. */
    c->trees[copy].value = c->trees[node].value;
    c->trees[copy].parent = copy_parent;
    if (copy_parent < 0)
      copy_root = copy;
    else if (into_right)
      c->trees[copy_parent].right = copy;
    else
      c->trees[copy_parent].left = copy;
    copy_parent = copy;
    if (c->trees[node].left >= 0) {
      node = c->trees[node].left;
      into_right = 0;
      continue;
    }
    int32_t prev = -1;
    while (c->trees[node].right == prev || c->trees[node].right < 0) {
      if (node == root)
        return copy_root;
      prev = node;
      node = c->trees[node].parent;
      copy_parent = c->trees[copy_parent].parent;
    }
    node = c->trees[node].right;
    into_right = 1;
  }
}

/* glibc's parse_dup_op: applies the operator in *t (already read) to elem,
 * writing {m,n} out as m copies and n - m optional ones, and reads the next
 * token. *result is -1 when nothing is left (x{0}, or no operand). */
static int parse_dup(struct compiler *c, int32_t elem, struct token *t, int32_t *result) {
  long start, end;
  *result = -1;
  if (t->type == TK_OPEN_DUP) {
    end = 0;
    start = fetch_number(c, t);
    if (start == -1) {
      if (t->type == TK_CHAR && t->c == ',')
        start = 0; /* "{,m}" is "{0,m}" */
      else
        return REG_BADBR;
    }
    if (start != -2)
      end = t->type == TK_CLOSE_DUP               ? start
            : (t->type == TK_CHAR && t->c == ',') ? fetch_number(c, t)
                                                  : -2;
    if (start == -2 || end == -2)
      return t->type == TK_END ? REG_EBRACE : REG_BADBR;
    if ((end != -1 && start > end) || t->type != TK_CLOSE_DUP)
      return REG_BADBR;
    if ((end == -1 ? start : end) > DUP_MAX)
      return REG_ESIZE;
  } else {
    start = t->type == TK_PLUS ? 1 : 0;
    end = t->type == TK_QUESTION ? 1 : -1;
  }
  fetch_token(c, t, 0);
  if (elem < 0 || (start == 0 && end == 0))
    return 0;

  int32_t tree = -1, mandatory = -1, last_mandatory = -1;
  if (start > 0) {
    tree = elem;
    for (long i = 2; i <= start; ++i) {
      elem = duplicate(c, elem);
      if (elem < 0 || (tree = new_tree(c, T_CONCAT, tree, elem)) < 0)
        return REG_ESPACE;
    }
    if (start == end) {
      *result = tree;
      return 0;
    }
    last_mandatory = elem;
    elem = duplicate(c, elem);
    if (elem < 0)
      return REG_ESPACE;
    mandatory = tree;
  }
  if (c->trees[elem].type == T_SUBEXP) {
    c->trees[elem].optional = 1;
    /* glibc's marking walk starts at the copy, whose parent link still
     * names the last mandatory copy's parent, and so marks that copy too
     * when there are two or more. */
    if (start >= 2)
      c->trees[last_mandatory].optional = 1;
  }
  tree = new_tree(c, end == -1 ? T_STAR : T_ALT, elem, -1);
  if (tree < 0)
    return REG_ESPACE;
  for (long i = start + 2; i <= end; ++i) {
    elem = duplicate(c, elem);
    if (elem < 0 || (tree = new_tree(c, T_CONCAT, tree, elem)) < 0 ||
        (tree = new_tree(c, T_ALT, tree, -1)) < 0)
      return REG_ESPACE;
  }
  if (mandatory >= 0 && (tree = new_tree(c, T_CONCAT, mandatory, tree)) < 0)
    return REG_ESPACE;
  *result = tree;
  return 0;
}

enum bracket_token {
  BT_CHAR,
  BT_END,
  BT_COLLATING,   /* [. */
  BT_EQUIVALENCE, /* [= */
  BT_CLASS,       /* [: */
  BT_RANGE,       /* - */
  BT_CLOSE,       /* ] */
  BT_NOT,         /* ^ */
};

struct bracket_token_read {
  enum bracket_token type;
  unsigned char c;
};

static size_t peek_bracket(const struct compiler *c, struct bracket_token_read *t) {
  if (c->at >= c->length) {
    t->type = BT_END;
    t->c = 0;
    return 0;
  }
  unsigned char byte = c->folded[c->at];
  t->c = byte;
  switch (byte) {
  case '[': {
    unsigned char next = c->at + 1 < c->length ? c->folded[c->at + 1] : 0;
    t->type = next == '.'   ? BT_COLLATING
              : next == '=' ? BT_EQUIVALENCE
              : next == ':' ? BT_CLASS
                            : BT_CHAR;
    if (t->type == BT_CHAR)
      return 1;
    t->c = next;
    return 2;
  }
  case '-':
    t->type = BT_RANGE;
    return 1;
  case ']':
    t->type = BT_CLOSE;
    return 1;
  case '^':
    t->type = BT_NOT;
    return 1;
  default:
    t->type = BT_CHAR;
    return 1;
  }
}

enum element_type { E_CHAR, E_COLLATING, E_EQUIVALENCE, E_CLASS };

struct element {
  enum element_type type;
  unsigned char c;
  char name[BRACKET_NAME_MAX + 1];
};

/* glibc's parse_bracket_element: the token t (length bytes) was peeked. */
static int parse_element(struct compiler *c, const struct bracket_token_read *t, size_t length,
                         int accept_hyphen, struct element *out) {
  c->at += length;
  if (t->type == BT_COLLATING || t->type == BT_EQUIVALENCE || t->type == BT_CLASS) {
    if (c->at >= c->length)
      return REG_EBRACK;
    for (int i = 0;; ++i) {
      if (i >= BRACKET_NAME_MAX)
        return REG_EBRACK;
      /* Class names keep their case under REG_ICASE; the others do not. */
      unsigned char byte = (t->type == BT_CLASS ? c->raw : c->folded)[c->at++];
      if (c->at >= c->length)
        return REG_EBRACK;
      if (byte == t->c && c->folded[c->at] == ']') {
        out->name[i] = '\0';
        break;
      }
      out->name[i] = (char)byte;
    }
    ++c->at;
    out->type = t->type == BT_COLLATING     ? E_COLLATING
                : t->type == BT_EQUIVALENCE ? E_EQUIVALENCE
                                            : E_CLASS;
    return 0;
  }
  if (t->type == BT_RANGE && !accept_hyphen) {
    /* A '-' that starts an element must end the list. */
    struct bracket_token_read next;
    peek_bracket(c, &next);
    if (next.type != BT_CLOSE)
      return REG_ERANGE;
  }
  out->type = E_CHAR;
  out->c = t->c;
  return 0;
}

/* A range end's byte; -1 for a name of more than one byte. */
static int element_byte(const struct element *e) {
  if (e->type == E_CHAR)
    return e->c;
  return strlen(e->name) == 1 ? (unsigned char)e->name[0] : -1;
}

/* glibc's parse_bracket_exp, after the '['. */
static int parse_bracket(struct compiler *c, int32_t *set_index) {
  int32_t index = new_set(c);
  if (index < 0)
    return REG_ESPACE;
  *set_index = index;
  struct regex_set set = {{0}};
  struct bracket_token_read t, t2;
  size_t length = peek_bracket(c, &t);
  int negated = 0;
  if (t.type == BT_END)
    return REG_BADPAT;
  if (t.type == BT_NOT) {
    negated = 1;
    if (c->newline)
      set_add(&set, '\n');
    c->at += length;
    length = peek_bracket(c, &t);
    if (t.type == BT_END)
      return REG_BADPAT;
  }
  if (t.type == BT_CLOSE)
    t.type = BT_CHAR; /* a first ']' is itself */
  for (int first = 1;; first = 0) {
    struct element start_element, end_element;
    int error = parse_element(c, &t, length, first, &start_element);
    if (error)
      return error;
    length = peek_bracket(c, &t);
    int range = 0;
    size_t length2 = 0;
    if (start_element.type != E_CLASS && start_element.type != E_EQUIVALENCE) {
      if (t.type == BT_END)
        return REG_EBRACK;
      if (t.type == BT_RANGE) {
        c->at += length;
        length2 = peek_bracket(c, &t2);
        if (t2.type == BT_END)
          return REG_EBRACK;
        if (t2.type == BT_CLOSE) {
          /* "-]": the '-' is itself. */
          c->at -= length;
          t.type = BT_CHAR;
        } else {
          range = 1;
        }
      }
    }
    if (range) {
      error = parse_element(c, &t2, length2, 1, &end_element);
      if (error)
        return error;
      length = peek_bracket(c, &t);
      if (start_element.type == E_CLASS || start_element.type == E_EQUIVALENCE ||
          end_element.type == E_CLASS || end_element.type == E_EQUIVALENCE)
        return REG_ERANGE;
      int low = element_byte(&start_element), high = element_byte(&end_element);
      if (low < 0 || high < 0)
        return REG_ECOLLATE;
      if (low > high)
        return REG_ERANGE;
      for (int byte = low; byte <= high; ++byte)
        set_add(&set, (unsigned char)byte);
    } else if (start_element.type == E_CHAR) {
      set_add(&set, start_element.c);
    } else if (start_element.type == E_CLASS) {
      error = add_class(&set, start_element.name, c->icase);
      if (error)
        return error;
    } else {
      /* The C locale collates byte by byte: [.x.] and [=x=] are x. */
      if (strlen(start_element.name) != 1)
        return REG_ECOLLATE;
      set_add(&set, (unsigned char)start_element.name[0]);
    }
    if (t.type == BT_END)
      return REG_EBRACK;
    if (t.type == BT_CLOSE)
      break;
  }
  c->at += length;
  if (negated)
    set_invert(&set);
  c->sets[index] = set;
  return 0;
}

/* \w, \W, \s, \S: glibc's sets (the negated ones match '\n' even under
 * REG_NEWLINE). */
static int32_t escape_set(struct compiler *c, enum token_type type) {
  int32_t index = new_set(c);
  if (index < 0)
    return -1;
  struct regex_set *set = &c->sets[index];
  if (type == TK_WORD || type == TK_NOTWORD) {
    add_class(set, "alnum", 0);
    set_add(set, '_');
  } else {
    add_class(set, "space", 0);
  }
  if (type == TK_NOTWORD || type == TK_NOTSPACE)
    set_invert(set);
  return index;
}

static int append_expression(struct compiler *c, int32_t expression) {
  struct level *level = &c->levels[c->level_count - 1];
  if (expression < 0)
    return 0;
  if (level->branch < 0) {
    level->branch = expression;
    return 0;
  }
  int32_t joined = new_tree(c, T_CONCAT, level->branch, expression);
  if (joined < 0)
    return REG_ESPACE;
  c->levels[c->level_count - 1].branch = joined;
  return 0;
}

/* The rest of glibc's parse_expression once the operand is built: the
 * repetition operators after it. */
static int finish_expression(struct compiler *c, int32_t expression, struct token *t) {
  if (expression < 0)
    return REG_ESPACE;
  fetch_token(c, t, 0);
  while (t->type == TK_STAR || t->type == TK_PLUS || t->type == TK_QUESTION ||
         t->type == TK_OPEN_DUP) {
    int error = parse_dup(c, expression, t, &expression);
    if (error)
      return error;
    /* A BRE takes one '*' or interval per operand. */
    if (!c->extended && (t->type == TK_STAR || t->type == TK_OPEN_DUP))
      return REG_BADRPT;
  }
  return append_expression(c, expression);
}

/* The current branch ends (at '|', at ')' or at the end). */
static int end_branch(struct compiler *c) {
  struct level *level = &c->levels[c->level_count - 1];
  int32_t branch = level->branch;
  if (level->after_bar) {
    branch = new_tree(c, T_ALT, level->done, branch);
    if (branch < 0)
      return REG_ESPACE;
    level = &c->levels[c->level_count - 1];
  }
  level->done = branch;
  level->branch = -1;
  if (level->restore_pending) {
    c->completed_groups |= level->completed_by_branches;
    level->restore_pending = 0;
  }
  return 0;
}

static int push_level(struct compiler *c, size_t group) {
  if (c->level_count == c->level_capacity) {
    size_t bigger = c->level_capacity ? c->level_capacity * 2 : 8;
    struct level *grown = realloc(c->levels, bigger * sizeof *grown);
    if (!grown)
      return REG_ESPACE;
    c->levels = grown;
    c->level_capacity = bigger;
  }
  struct level *level = &c->levels[c->level_count++];
  memset(level, 0, sizeof *level);
  level->done = level->branch = -1;
  level->group = group;
  level->completed_at_start = c->completed_groups;
  return 0;
}

static int32_t new_group(struct compiler *c, size_t group, int32_t body) {
  if (group <= 8)
    c->completed_groups |= 1u << group;
  int32_t tree = new_tree(c, T_SUBEXP, body, -1);
  if (tree >= 0)
    c->trees[tree].value = (int32_t)group;
  return tree;
}

/* glibc's parse: the tree of the whole pattern, ending in T_END. */
static int parse(struct compiler *c, int32_t *root) {
  struct token t;
  int error = push_level(c, 0);
  if (error)
    return error;
  fetch_token(c, &t, 1);
  for (;;) {
    int32_t expression;
    switch (t.type) {
    case TK_END:
      if ((error = end_branch(c)))
        return error;
      if (c->level_count > 1)
        return REG_EPAREN;
      expression = c->levels[0].done;
      {
        int32_t end = new_leaf(c, T_END, 0);
        if (end < 0)
          return REG_ESPACE;
        *root = expression < 0 ? end : new_tree(c, T_CONCAT, expression, end);
      }
      return *root < 0 ? REG_ESPACE : 0;
    case TK_ALT: {
      if ((error = end_branch(c)))
        return error;
      fetch_token(c, &t, 1);
      struct level *level = &c->levels[c->level_count - 1];
      level->after_bar = 1;
      if (t.type != TK_ALT && t.type != TK_END &&
          !(c->level_count > 1 && t.type == TK_CLOSE_GROUP)) {
        level->completed_by_branches = c->completed_groups;
        c->completed_groups = level->completed_at_start;
        level->restore_pending = 1;
      }
      continue;
    }
    case TK_OPEN_GROUP: {
      size_t group = c->group_count++;
      fetch_token(c, &t, 1);
      if (t.type == TK_CLOSE_GROUP) { /* "()" */
        error = finish_expression(c, new_group(c, group, -1), &t);
      } else {
        error = push_level(c, group);
      }
      if (error)
        return error;
      continue;
    }
    case TK_CLOSE_GROUP:
      if (c->level_count > 1) {
        if ((error = end_branch(c)))
          return error;
        struct level *level = &c->levels[--c->level_count];
        error = finish_expression(c, new_group(c, level->group, level->done), &t);
        if (error)
          return error;
        continue;
      }
      /* An unmatched ')' is itself in an ERE. */
      if (!c->extended)
        return REG_EPAREN;
      expression = new_leaf(c, T_CHAR, t.c);
      break;
    case TK_OPEN_DUP:
      return REG_BADRPT;
    case TK_STAR:
    case TK_PLUS:
    case TK_QUESTION:
      /* With nothing to repeat: an error in an ERE, itself in a BRE. */
      if (c->extended)
        return REG_BADRPT;
      expression = new_leaf(c, T_CHAR, t.c);
      break;
    case TK_CLOSE_DUP:
    case TK_CHAR:
      expression = new_leaf(c, T_CHAR, t.c);
      break;
    case TK_PERIOD:
      expression = new_leaf(c, T_ANY, 0);
      break;
    case TK_BRACKET: {
      int32_t set;
      if ((error = parse_bracket(c, &set)))
        return error;
      expression = new_leaf(c, T_SET, set);
      break;
    }
    case TK_BACKREF:
      if (!(c->completed_groups & (1u << t.value)))
        return REG_ESUBREG;
      expression = new_leaf(c, T_BACKREF, t.value);
      break;
    case TK_WORD:
    case TK_NOTWORD:
    case TK_SPACE:
    case TK_NOTSPACE: {
      int32_t set = escape_set(c, t.type);
      expression = set < 0 ? -1 : new_leaf(c, T_SET, set);
      break;
    }
    case TK_ANCHOR: {
      /* No repetition applies to an anchor: what follows starts anew. */
      if (t.value == WORD_DELIM || t.value == NOT_WORD_DELIM) {
        int delim = t.value == WORD_DELIM;
        int32_t first = new_leaf(c, T_ANCHOR, delim ? REGEX_WORD_FIRST : REGEX_INSIDE_WORD);
        int32_t last = new_leaf(c, T_ANCHOR, delim ? REGEX_WORD_LAST : REGEX_INSIDE_NOTWORD);
        expression = first < 0 || last < 0 ? -1 : new_tree(c, T_ALT, first, last);
      } else {
        expression = new_leaf(c, T_ANCHOR, t.value);
      }
      if (expression < 0)
        return REG_ESPACE;
      fetch_token(c, &t, 0);
      if ((error = append_expression(c, expression)))
        return error;
      continue;
    }
    case TK_BACKSLASH:
    default:
      return REG_EESCAPE;
    }
    if ((error = finish_expression(c, expression, &t)))
      return error;
  }
}

typedef int (*tree_visitor)(struct compiler *c, int32_t node);

/* Children before parents, left before right, along parent links. */
static int postorder(struct compiler *c, int32_t root, tree_visitor visit) {
  int32_t node = root;
  for (;;) {
    while (c->trees[node].left >= 0 || c->trees[node].right >= 0)
      node = c->trees[node].left >= 0 ? c->trees[node].left : c->trees[node].right;
    int32_t prev;
    do {
      int error = visit(c, node);
      if (error)
        return error;
      if (node == root)
        return 0;
      prev = node;
      node = c->trees[node].parent;
    } while (c->trees[node].right == prev || c->trees[node].right < 0);
    node = c->trees[node].right;
  }
}

/* Parents before children, left before right. */
static int preorder(struct compiler *c, int32_t root, tree_visitor visit) {
  int32_t node = root;
  for (;;) {
    int error = visit(c, node);
    if (error)
      return error;
    if (c->trees[node].left >= 0) {
      node = c->trees[node].left;
      continue;
    }
    int32_t prev = -1;
    while (c->trees[node].right == prev || c->trees[node].right < 0) {
      if (node == root)
        return 0;
      prev = node;
      node = c->trees[node].parent;
    }
    node = c->trees[node].right;
  }
}

/* glibc's optimize_subexps: ((x)) is one group, reported for both, and a
 * back-reference to the inner one reads the outer. */
static int merge_nested_groups(struct compiler *c, int32_t node) {
  struct tree *t = &c->trees[node];
  if (t->type == T_BACKREF) {
    t->value = c->group_map[t->value];
  } else if (t->type == T_SUBEXP && t->left >= 0 && c->trees[t->left].type == T_SUBEXP) {
    int32_t inner = t->left;
    t->left = c->trees[inner].left;
    if (t->left >= 0)
      c->trees[t->left].parent = node;
    c->group_map[c->trees[inner].value] = c->group_map[t->value];
  }
  return 0;
}

/* A group becomes OPEN, its body, CLOSE. */
static int32_t lower_group(struct compiler *c, int32_t group) {
  int32_t value = c->trees[group].value, body = c->trees[group].left;
  uint8_t optional = c->trees[group].optional;
  int32_t open = new_leaf(c, T_OPEN, value);
  int32_t close = new_leaf(c, T_CLOSE, value);
  if (open < 0 || close < 0)
    return -1;
  c->trees[open].optional = c->trees[close].optional = optional;
  int32_t inner = body >= 0 ? new_tree(c, T_CONCAT, body, close) : close;
  return inner < 0 ? -1 : new_tree(c, T_CONCAT, open, inner);
}

static int lower_groups(struct compiler *c, int32_t node) {
  for (int side = 0; side < 2; ++side) {
    int32_t child = side ? c->trees[node].right : c->trees[node].left;
    if (child < 0 || c->trees[child].type != T_SUBEXP)
      continue;
    int32_t lowered = lower_group(c, child);
    if (lowered < 0)
      return REG_ESPACE;
    if (side)
      c->trees[node].right = lowered;
    else
      c->trees[node].left = lowered;
    c->trees[lowered].parent = node;
  }
  return 0;
}

/* glibc's calc_first: NFA numbers in postorder. */
static int number_nodes(struct compiler *c, int32_t node) {
  struct tree *t = &c->trees[node];
  if (t->type == T_CONCAT) {
    t->first = c->trees[t->left].first;
    t->node = c->trees[t->left].node;
  } else {
    t->first = node;
    t->node = c->node_count++;
  }
  return 0;
}

/* glibc's calc_next. */
static int link_next(struct compiler *c, int32_t node) {
  struct tree *t = &c->trees[node];
  if (t->type == T_STAR) {
    c->trees[t->left].next = node;
  } else if (t->type == T_CONCAT) {
    c->trees[t->left].next = c->trees[t->right].first;
    c->trees[t->right].next = t->next;
  } else {
    if (t->left >= 0)
      c->trees[t->left].next = t->next;
    if (t->right >= 0)
      c->trees[t->right].next = t->next;
  }
  return 0;
}

/* glibc's link_nfa_nodes: the tree node becomes its NFA node. */
static int emit_node(struct compiler *c, int32_t node) {
  const struct tree *t = &c->trees[node];
  if (t->type == T_CONCAT)
    return 0;
  struct regex_node *out = &c->program->nodes[t->node];
  int32_t next = t->next >= 0 ? c->trees[t->next].node : -1;
  out->value = t->value;
  out->optional = t->optional;
  out->exits[0] = out->exits[1] = -1;
  static const uint8_t types[] = {
      [T_CHAR] = REGEX_CHAR,       [T_SET] = REGEX_SET,       [T_ANY] = REGEX_ANY,
      [T_BACKREF] = REGEX_BACKREF, [T_END] = REGEX_END,       [T_ALT] = REGEX_SPLIT,
      [T_STAR] = REGEX_SPLIT,      [T_ANCHOR] = REGEX_ANCHOR, [T_OPEN] = REGEX_OPEN,
      [T_CLOSE] = REGEX_CLOSE,
  };
  out->type = types[t->type];
  if (t->type == T_END)
    return 0;
  if (t->type == T_ALT || t->type == T_STAR) {
    int32_t left = t->left >= 0 ? c->trees[c->trees[t->left].first].node : next;
    int32_t right = t->right >= 0 ? c->trees[c->trees[t->right].first].node : next;
    /* glibc keeps the two exits as a sorted set. */
    out->exits[0] = left < right ? left : right;
    if (left != right)
      out->exits[1] = left < right ? right : left;
    return 0;
  }
  out->exits[0] = next;
  return 0;
}

static int build_epsilon_sources(struct regex_program *p) {
  int32_t n = p->node_count, edges = 0;
  p->epsilon_source_start = calloc((size_t)n + 1, sizeof(int32_t));
  if (!p->epsilon_source_start)
    return REG_ESPACE;
  for (int32_t i = 0; i < n; ++i)
    if (regex_node_is_epsilon(&p->nodes[i]))
      for (int k = 0; k < 2; ++k)
        if (p->nodes[i].exits[k] >= 0) {
          ++p->epsilon_source_start[p->nodes[i].exits[k] + 1];
          ++edges;
        }
  for (int32_t i = 0; i < n; ++i)
    p->epsilon_source_start[i + 1] += p->epsilon_source_start[i];
  p->epsilon_sources = malloc(((size_t)edges + 1) * sizeof(int32_t));
  int32_t *fill = malloc(((size_t)n + 1) * sizeof(int32_t));
  if (!p->epsilon_sources || !fill) {
    free(fill);
    return REG_ESPACE;
  }
  memcpy(fill, p->epsilon_source_start, (size_t)n * sizeof(int32_t));
  for (int32_t i = 0; i < n; ++i)
    if (regex_node_is_epsilon(&p->nodes[i]))
      for (int k = 0; k < 2; ++k)
        if (p->nodes[i].exits[k] >= 0)
          p->epsilon_sources[fill[p->nodes[i].exits[k]]++] = i;
  free(fill);
  return 0;
}

static int compile(struct compiler *c) {
  int32_t root;
  int error = parse(c, &root);
  if (error)
    return error;
  c->group_map = malloc((c->group_count + 1) * sizeof(int32_t));
  if (!c->group_map)
    return REG_ESPACE;
  for (size_t i = 0; i < c->group_count; ++i)
    c->group_map[i] = (int32_t)i;
  preorder(c, root, merge_nested_groups);
  if ((error = postorder(c, root, lower_groups)) || (error = postorder(c, root, number_nodes)))
    return error;
  preorder(c, root, link_next);

  struct regex_program *p = calloc(1, sizeof *p);
  if (!p)
    return REG_ESPACE;
  c->program = p;
  p->node_count = c->node_count;
  p->nodes = malloc((size_t)c->node_count * sizeof *p->nodes);
  if (!p->nodes)
    return REG_ESPACE;
  preorder(c, root, emit_node);
  p->start = c->trees[c->trees[root].first].node;
  for (int32_t i = 0; i < p->node_count; ++i)
    if (p->nodes[i].type == REGEX_END)
      p->end = i;
  if ((error = build_epsilon_sources(p)))
    return error;
  p->sets = c->sets;
  c->sets = NULL;
  p->group_count = c->group_count;
  p->group_map = c->group_map;
  c->group_map = NULL;
  /* After merge_nested_groups: the groups back-references now read. */
  for (int32_t i = 0; i < p->node_count; ++i)
    if (p->nodes[i].type == REGEX_BACKREF)
      p->referenced_groups |= 1u << p->nodes[i].value;
  return 0;
}

int __regex_compile(const char *pattern, int cflags, struct regex_program **out) {
  struct compiler c;
  memset(&c, 0, sizeof c);
  c.raw = (const unsigned char *)pattern;
  c.length = strlen(pattern);
  c.extended = (cflags & REG_EXTENDED) != 0;
  c.icase = (cflags & REG_ICASE) != 0;
  c.newline = (cflags & REG_NEWLINE) != 0;
  unsigned char *folded = NULL;
  int error = 0;
  if (c.icase) {
    /* glibc upper-cases pattern and subject alike. */
    folded = malloc(c.length + 1);
    if (!folded)
      error = REG_ESPACE;
    else
      for (size_t i = 0; i <= c.length; ++i)
        folded[i] = (unsigned char)toupper(c.raw[i]);
  }
  c.folded = folded ? folded : c.raw;
  if (!error)
    error = compile(&c);
  free(folded);
  free(c.trees);
  free(c.sets);
  free(c.levels);
  free(c.group_map);
  if (error) {
    __regex_program_free(c.program);
    *out = NULL;
    return error;
  }
  c.program->cflags = cflags;
  *out = c.program;
  return 0;
}

void __regex_program_free(struct regex_program *program) {
  if (!program)
    return;
  free(program->nodes);
  free(program->sets);
  free(program->epsilon_source_start);
  free(program->epsilon_sources);
  free(program->group_map);
  free(program);
}
