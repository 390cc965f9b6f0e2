use clap::Parser;

fn main() -> std::process::ExitCode {
    prongsai::cli::run(prongsai::cli::Cli::parse())
}

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
