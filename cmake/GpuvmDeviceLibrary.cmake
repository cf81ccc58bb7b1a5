# Device code (libc_gpu, lightkernel) is compiled by our own gpu-c++ -c into
# LLVM bitcode, once per target, and archived per target under
# build/lib/gpuvm/<target>/, where the driver finds it (the install mirrors it).
#
# gpuvm_device_library(NAME <lib> [OBJECT] SOURCES <common sources...>
#                      [HOST_SOURCES ...] [NVPTX_SOURCES ...] [AMDGCN_SOURCES ...]
#                      [FLAGS ...] [HOST_FLAGS ...] [NVPTX_FLAGS ...] [AMDGCN_FLAGS ...]
#                      [BASE_DIR <dir>] [THIRD_PARTY] [TARGETS ...])
# OBJECT makes lib<NAME>.a into a single <NAME>.o that is always linked whole.
# BASE_DIR is where relative object names start (default: this CMakeLists'
# folder), for sources that live outside the repository. THIRD_PARTY builds
# code we compile but do not write (libc++): its warnings are not ours to fix,
# so -w replaces -Wall -Wextra -Werror. TARGETS narrows GPUVM_TARGETS.
# <TARGET>_FLAGS are added to FLAGS for that target's sources only.
find_program(GPUVM_LLVM_AR NAMES llvm-ar-22 PATHS /usr/lib/llvm-22/bin REQUIRED)

function(gpuvm_device_library)
  cmake_parse_arguments(ARG "OBJECT;THIRD_PARTY" "NAME;BASE_DIR"
                        "SOURCES;HOST_SOURCES;NVPTX_SOURCES;AMDGCN_SOURCES;FLAGS;HOST_FLAGS;NVPTX_FLAGS;AMDGCN_FLAGS;TARGETS"
                        ${ARGN})
  if(NOT ARG_TARGETS)
    set(ARG_TARGETS ${GPUVM_TARGETS})
  endif()
  if(NOT ARG_BASE_DIR)
    set(ARG_BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
  endif()
  set(warnings -Wall -Wextra -Werror)
  if(ARG_THIRD_PARTY)
    set(warnings -w)
  endif()
  set(all_outputs)
  foreach(target ${ARG_TARGETS})
    string(TOUPPER ${target} upper)
    set(objects)
    foreach(src ${ARG_SOURCES} ${ARG_${upper}_SOURCES})
      get_filename_component(abs ${src} ABSOLUTE BASE_DIR ${ARG_BASE_DIR})
      file(RELATIVE_PATH rel ${ARG_BASE_DIR} ${abs})
      set(obj ${CMAKE_CURRENT_BINARY_DIR}/${target}/${rel}.o)
      get_filename_component(obj_dir ${obj} DIRECTORY)
      add_custom_command(
        OUTPUT ${obj}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${obj_dir}
        COMMAND gpu-c++ --target=${target} -c -O2 ${warnings} ${ARG_FLAGS} ${ARG_${upper}_FLAGS}
                -MD -MF ${obj}.d -o ${obj} ${abs}
        DEPENDS ${abs} gpu-c++ GpuvmPasses GpuvmClang gpuvm_headers
        DEPFILE ${obj}.d
        COMMENT "gpu-c++ ${target} ${rel}"
        VERBATIM)
      list(APPEND objects ${obj})
    endforeach()
    if(ARG_OBJECT)
      set(out ${GPUVM_LIB_DIR}/${target}/${ARG_NAME}.o)
      add_custom_command(
        OUTPUT ${out}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${GPUVM_LIB_DIR}/${target}
        COMMAND /usr/lib/llvm-22/bin/llvm-link -o ${out} ${objects}
        DEPENDS ${objects}
        COMMENT "llvm-link ${target}/${ARG_NAME}.o"
        VERBATIM)
    else()
      set(out ${GPUVM_LIB_DIR}/${target}/lib${ARG_NAME}.a)
      add_custom_command(
        OUTPUT ${out}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${GPUVM_LIB_DIR}/${target}
        COMMAND ${CMAKE_COMMAND} -E rm -f ${out}
        COMMAND ${GPUVM_LLVM_AR} rcs ${out} ${objects}
        DEPENDS ${objects}
        COMMENT "llvm-ar ${target}/lib${ARG_NAME}.a"
        VERBATIM)
    endif()
    list(APPEND all_outputs ${out})
    install(FILES ${out} DESTINATION lib/gpuvm/${target})
  endforeach()
  add_custom_target(${ARG_NAME}_device ALL DEPENDS ${all_outputs})
endfunction()
