// Users and groups come from the VM's own /etc/passwd and /etc/group (VM
// 0's root has them; a malformed line is skipped), or, with none (VM 1),
// from the two entries every Linux system has: root and nobody/nogroup.
// initgroups takes the groups that list the user.
// RUN: rm -rf %t.r0 %t.r1 && mkdir -p %t.r0/etc %t.r1
// RUN: printf 'root:x:0:0:root:/root:/bin/bash\nbroken line\nwww:x:33:33:web server:/var/www:/usr/sbin/nologin\nalice:x:1000:100:Alice:/home/alice:/bin/sh\n' > %t.r0/etc/passwd
// RUN: printf 'root:x:0:\nwww:x:33:alice\nusers:x:100:\nstaff:x:50:bob,alice\n' > %t.r0/etc/group
// RUN: %gpucxx --target=host -O1 %s -o %t.img
// RUN: %gpuvm run %t.img --vms 2 --root %t.r{vm} > %t.out
// RUN: FileCheck %s < %t.out
// CHECK-DAG: [vm 0] www: uid 33 gid 33 dir /var/www shell /usr/sbin/nologin gecos "web server"
// CHECK-DAG: [vm 0] uid 1000: alice; missing: none; uid 4242: none
// CHECK-DAG: [vm 0] getpwnam_r: small buffer 34 (ERANGE) null 1, big 0 name www
// CHECK-DAG: [vm 0] group www: gid 33 members alice; gid 50: staff members bob,alice; getgrnam_r 0 staff bob
// CHECK-DAG: [vm 0] grouplist alice: 3 = 100 33 50; too small: -1 count 3
// CHECK-DAG: [vm 0] initgroups alice: 0, getgroups 3
// CHECK-DAG: [vm 0] getpwent: root www alice (3), again from the start: root
// CHECK-DAG: [vm 1] www: none
// CHECK-DAG: [vm 1] built in: root 0 0 /root, nobody 65534 65534, group 0 root, group 65534 nogroup
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  struct passwd *www = getpwnam("www");
  if (!www) {
    printf("www: none\n");
    struct passwd *root = getpwnam("root");
    printf("built in: root %u %u %s, ", root->pw_uid, root->pw_gid, root->pw_dir);
    struct passwd *nobody = getpwuid(65534);
    printf("nobody %u %u, ", nobody->pw_uid, nobody->pw_gid);
    printf("group 0 %s, ", getgrgid(0)->gr_name);
    printf("group 65534 %s\n", getgrgid(65534)->gr_name);
    return 0;
  }
  printf("www: uid %u gid %u dir %s shell %s gecos \"%s\"\n", www->pw_uid, www->pw_gid, www->pw_dir,
         www->pw_shell, www->pw_gecos);
  struct passwd *alice = getpwuid(1000);
  printf("uid 1000: %s; missing: %s; uid 4242: %s\n", alice ? alice->pw_name : "none",
         getpwnam("missing") ? "found" : "none", getpwuid(4242) ? "found" : "none");

  struct passwd entry, *result;
  char small[8], big[256];
  int small_error = getpwnam_r("www", &entry, small, sizeof small, &result);
  int small_null = result == NULL;
  int big_error = getpwnam_r("www", &entry, big, sizeof big, &result);
  printf("getpwnam_r: small buffer %d (%s) null %d, big %d name %s\n", small_error,
         small_error == ERANGE ? "ERANGE" : "?", small_null, big_error, result->pw_name);

  struct group *group = getgrnam("www");
  printf("group www: gid %u members %s; ", group->gr_gid, group->gr_mem[0]);
  group = getgrgid(50);
  printf("gid 50: %s members %s,%s; ", group->gr_name, group->gr_mem[0], group->gr_mem[1]);
  struct group group_entry, *group_result;
  char group_buffer[256];
  int group_error =
      getgrnam_r("staff", &group_entry, group_buffer, sizeof group_buffer, &group_result);
  printf("getgrnam_r %d %s %s\n", group_error, group_result->gr_name, group_result->gr_mem[0]);

  gid_t list[8];
  int count = 8;
  int found = getgrouplist("alice", 100, list, &count);
  printf("grouplist alice: %d = %u %u %u; ", found, list[0], list[1], list[2]);
  count = 2;
  found = getgrouplist("alice", 100, list, &count);
  printf("too small: %d count %d\n", found, count);
  printf("initgroups alice: %d, getgroups %d\n", initgroups("alice", 100), getgroups(0, NULL));

  setpwent();
  char names[64] = "";
  int users = 0;
  struct passwd *each;
  while ((each = getpwent())) {
    strcat(names, each->pw_name);
    strcat(names, " ");
    ++users;
  }
  endpwent();
  each = getpwent();
  printf("getpwent: %s(%d), again from the start: %s\n", names, users, each->pw_name);
  endpwent();
  return 0;
}
