CREATE TABLE "inventory"."catalog_version" (
	"id" smallint PRIMARY KEY NOT NULL,
	"n" bigint NOT NULL
);
