ALTER TABLE "submissions" ADD COLUMN "answered_by" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "answer_note" text;