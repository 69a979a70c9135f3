# bash completion for artconv(1): commands, each command's options, format
# names after --from/--to, files and folders where a path goes.
# Installed into bash-completion's completions folder; or source it.

_artconv()
{
    local cur prev cmd i opts
    local formats="text markdown gfm html json epub newsml ninjs"
    local meta="title= subtitle= authors= date= modified= dateline= language= publisher=
                section= keywords= description= credit= rights= source= id= image= image.alt=
                image.caption= image.credit= pubstatus= embargoed="
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()

    # The command is the first word after "artconv" that is not an option.
    cmd=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        -*) ;;
        *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    if [ -z "$cmd" ]; then
        COMPREPLY=($(compgen -W "convert batch info formats help --help --version --list-input-formats --list-output-formats" -- "$cur"))
        return
    fi

    case $prev in
    -f | --from | -t | --to)
        COMPREPLY=($(compgen -W "$formats" -- "$cur"))
        return
        ;;
    -o | --output | --css | --cover | --report | --files-from)
        COMPREPLY=($(compgen -f -- "$cur"))
        return
        ;;
    -d | --output-dir | --root | --resource-path)
        COMPREPLY=($(compgen -d -- "$cur"))
        return
        ;;
    --front-matter)
        COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
        return
        ;;
    -m | --meta | -M | --metadata)
        COMPREPLY=($(compgen -W "$meta" -- "$cur"))
        compopt -o nospace 2>/dev/null
        return
        ;;
    -w | --width | -j | --jobs | --max-input | --encoding | --base-url | --provider | --guid-scheme | --item-version | --title)
        return # a value only the user knows
        ;;
    esac

    case $cmd in
    convert)
        opts="--from --to --output --output-dir --files-from --null --force --jobs --report
              --meta --metadata --width --fragment --standalone --front-matter --strict --encoding --base-url --no-extract --max-input
              --quiet --verbose --css --cover --resource-path --provider --guid-scheme --item-version --title
              --ignore-status --smart --help"
        ;;
    batch)
        opts="--from --to --meta --metadata --width --fragment --standalone --front-matter --strict --encoding --base-url --no-extract
              --max-input --css --cover --provider --guid-scheme --item-version --ignore-status
              --force --root --no-files --smart --help"
        ;;
    info)
        opts="--from --meta --strict --encoding --base-url --no-extract --max-input --quiet --json --help"
        ;;
    formats)
        opts="--json --help"
        ;;
    help)
        COMPREPLY=($(compgen -W "convert batch info formats" -- "$cur"))
        return
        ;;
    *)
        return
        ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    elif [ "$cmd" != batch ] && [ "$cmd" != formats ]; then
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -o filenames -o bashdefault -F _artconv artconv
