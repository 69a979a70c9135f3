# tap.sh - the TAP helpers the shell tests share (sourced by cli.sh and
# batch.sh after they cd into their work folder).  End a script with
# tap_done.  Diagnostics quote at most 800 bytes of output.
n=0
failed=0
ok() { # ok CONDITION-STATUS DESCRIPTION
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}
skip() { # skip DESCRIPTION REASON
    n=$((n + 1))
    echo "ok $n - $1 # SKIP $2"
}
run() { # run CMD...: sets $status, $out and $err
    "$@" >out.txt 2>err.txt
    status=$?
    out=$(cat out.txt)
    err=$(cat err.txt)
}
diag() { # diag LABEL TEXT: TEXT (at most 800 bytes) as TAP comment lines,
    # each line behind "# ", so that a quoted output never breaks the stream
    printf '%s\n' "${2:0:800}" | sed "s/^/#   $1/; 2,\$s/^#   $1/#     /"
}
expect_status() { # expect_status N DESCRIPTION
    [ "$status" -eq "$1" ]
    local r=$?
    ok $r "$2 (exit $1)"
    [ $r -eq 0 ] || { echo "#   got exit $status"; diag "stderr: " "$err"; }
}
expect_err() { # expect_err TEXT DESCRIPTION
    case "$err" in *"$1"*) ok 0 "$2" ;; *) ok 1 "$2"; diag "stderr was: " "$err"; diag "wanted: " "$1" ;; esac
}
expect_out() { # expect_out TEXT DESCRIPTION
    case "$out" in *"$1"*) ok 0 "$2" ;; *) ok 1 "$2"; diag "stdout was: " "$out"; diag "wanted: " "$1" ;; esac
}
tap_done() { # prints the plan; the script's status is 0 if nothing failed
    echo "1..$n"
    [ "$failed" -eq 0 ]
}
