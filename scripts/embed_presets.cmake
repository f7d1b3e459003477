# Turns core/status/presets/*.json into a C++ include of raw string literals: the presets stay data files
# in the repository and travel inside the binary, so no runtime needs a file system.
file(GLOB files ${DIR}/*.json)
list(SORT files)
set(content "// Generated from core/status/presets/*.json by scripts/embed_presets.cmake. Do not edit.\n")
foreach(f ${files})
  get_filename_component(name ${f} NAME_WE)
  file(READ ${f} body)
  # Whitespace between tokens is dropped (no preset string holds a newline plus indentation).
  string(REGEX REPLACE "\n[ ]*" "" body "${body}")
  string(APPEND content "OP_PRESET(\"${name}\", R\"op_preset(${body})op_preset\")\n")
endforeach()
file(WRITE ${OUT}.tmp "${content}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.tmp ${OUT})
