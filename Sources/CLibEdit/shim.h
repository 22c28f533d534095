// libedit (BSD editline) from Debian's libedit-dev: line editing and history for `nashsim repl`.
#include <stdio.h>
#include <editline/readline.h>
