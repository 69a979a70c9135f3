/* PLACEHOLDER: being written; see issue 4.  Replace this whole file. */
#include "internal.h"
